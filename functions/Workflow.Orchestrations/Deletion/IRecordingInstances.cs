namespace Workflow.Orchestrations.Deletion;

/// <summary>
/// The orchestration instances that work on one recording: its pipeline and the pipeline's children,
/// and the re-runs of study batches. A port because the Durable client comes from DI on the local
/// runner and from a binding in the Functions app.
/// </summary>
public interface IRecordingInstances
{
    /// <summary>Terminates every instance still running; returns how many are not yet seen as ended.</summary>
    Task<int> StopAsync(string studyId, string recordingId, CancellationToken ct);

    /// <summary>Purges the history of every ended instance; returns how many were purged.</summary>
    Task<int> PurgeAsync(string studyId, string recordingId, CancellationToken ct);
}
