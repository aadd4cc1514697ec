using Workflow.Domain.Reprocessing;

namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// Input of <see cref="Reprocessing.RerunRecordingOrchestrator"/>: one recording of one batch. A
/// persisted wire contract: <see cref="SchemaVersion"/> is 1 for re-runs started before transcription
/// was planned (missing in their stored input), 2 since, 3 once the audio is de-identified too; the
/// batch sets it explicitly (<see cref="RecordingPipelineInput.CurrentSchema"/>).
/// </summary>
public sealed record RerunInput(string BatchId, string StudyId, RerunTarget Target, ReprocessStage Stage, TimeSpan VerificationRecheck, int SchemaVersion = 1)
{
    public RecordingRef Ref => new(StudyId, Target.RecordingId);

    /// <summary>The instance that waits for this re-run's decisions and then finalises.</summary>
    public string FinalizerInstanceId => $"{Target.RecordingId}:{BatchId}:finalize";

    /// <summary>The verification wait inside it, which decision signals are sent to.</summary>
    public string WaitingInstanceId => FinalizerInstanceId + ":verify";

    public RecordingPipelineInput AsPipelineInput() =>
        new(StudyId, Target.RecordingId, Target.Source, Target.BlobName, Target.FileName, VerificationRecheck, SchemaVersion, RunId: BatchId);
}
