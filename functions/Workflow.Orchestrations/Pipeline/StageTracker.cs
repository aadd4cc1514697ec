using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Workflow.Domain.Recordings;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations.Pipeline;

/// <summary>
/// Keeps the orchestration's custom status and the recording's status row in step with the stage
/// the orchestrator is in, and turns a failed activity into a failed recording with a readable reason.
/// </summary>
internal sealed class StageTracker(TaskOrchestrationContext context, string recordingId)
{
    // Replay-safe loggers write each line once, not on every replay. Ids and stages only.
    private const string LogCategory = "Workflow.Orchestrations.Pipeline";

    public PipelineStage Current { get; private set; } = PipelineStage.Received;

    public async Task EnterAsync(PipelineStage stage, RecordingStatus status = RecordingStatus.Running, StageProgress? progress = null)
    {
        Current = stage;
        context.CreateReplaySafeLogger(LogCategory).LogInformation("Recording {RecordingId} ({Instance}): {Stage} {Status}", recordingId, context.InstanceId, stage, status);
        context.SetCustomStatus(new PipelineStatus(stage, status, progress));
        await context.CallActivityAsync(nameof(UpdateRecordingStageActivity), new StageUpdate(recordingId, stage, status, progress), Retries.Transient);
    }

    /// <summary>
    /// Reports how far the current stage has come (chunks transcribed) in the custom status only: the
    /// activities doing the work move the recording's row on themselves.
    /// </summary>
    public void ReportProgress(StageProgress progress) =>
        context.SetCustomStatus(new PipelineStatus(Current, RecordingStatus.Running, progress));

    public async Task<PipelineOutcome> FailAsync(TaskFailedException failure)
    {
        var reason = FailureReasons.ForUser(Current, failure.FailureDetails);
        // The reason is written for users and never quotes content (see FailureReasons).
        context.CreateReplaySafeLogger(LogCategory).LogWarning("Recording {RecordingId} failed at {Stage}: {Reason}", recordingId, Current, reason);
        context.SetCustomStatus(new PipelineStatus(Current, RecordingStatus.Failed, Error: reason));
        await context.CallActivityAsync(nameof(MarkRecordingFailedActivity), new FailureInput(recordingId, Current, reason), Retries.Transient);
        return new PipelineOutcome(recordingId, RecordingStatus.Failed, Current, reason);
    }
}
