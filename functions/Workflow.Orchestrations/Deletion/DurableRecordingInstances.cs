using Microsoft.DurableTask.Client;
using Workflow.Storage;

namespace Workflow.Orchestrations.Deletion;

/// <summary>
/// <see cref="IRecordingInstances"/> over a Durable Task client. A recording's instances are found by
/// id: the pipeline's is the recording id and its children's start with it; a batch re-run's is
/// "{batch id}:{recording id}..." with the study's batch prefix.
/// </summary>
public sealed class DurableRecordingInstances(DurableTaskClient client) : IRecordingInstances
{
    private const string DeletionReason = "The recording is being deleted.";

    public async Task<int> StopAsync(string studyId, string recordingId, CancellationToken ct)
    {
        var stillRunning = 0;
        foreach (var instance in await InstancesAsync(studyId, recordingId, ct))
        {
            if (!IsRunning(instance.RuntimeStatus)) continue;
            stillRunning++;
            try
            {
                await client.TerminateInstanceAsync(instance.InstanceId, new TerminateInstanceOptions { Output = DeletionReason }, ct);
            }
            catch (Exception)
            {
                // It may have ended (or gone) by itself meanwhile; otherwise the fault is real.
                if (await client.GetInstanceAsync(instance.InstanceId, ct) is { } now && IsRunning(now.RuntimeStatus)) throw;
                stillRunning--;
            }
        }
        return stillRunning;
    }

    public async Task<int> PurgeAsync(string studyId, string recordingId, CancellationToken ct)
    {
        var purged = 0;
        foreach (var instance in await InstancesAsync(studyId, recordingId, ct))
        {
            if (IsRunning(instance.RuntimeStatus)) continue;
            purged += (await client.PurgeInstanceAsync(instance.InstanceId, cancellation: ct)).PurgedInstanceCount;
        }
        return purged;
    }

    private async Task<List<OrchestrationMetadata>> InstancesAsync(string studyId, string recordingId, CancellationToken ct)
    {
        var found = new List<OrchestrationMetadata>();
        await foreach (var instance in client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = recordingId, FetchInputsAndOutputs = false }).WithCancellation(ct))
            found.Add(instance);
        await foreach (var instance in client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = StudyBatchRecords.BatchIdPrefix(studyId), FetchInputsAndOutputs = false }).WithCancellation(ct))
            if (instance.InstanceId.Contains(':' + recordingId, StringComparison.Ordinal)) found.Add(instance);
        return found;
    }

    /// <summary>Not yet ended: pending, running or suspended.</summary>
    public static bool IsRunning(OrchestrationRuntimeStatus status) =>
        status is OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended;
}
