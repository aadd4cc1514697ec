using Microsoft.DurableTask;
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
    public PipelineStage Current { get; private set; } = PipelineStage.Received;

    public async Task EnterAsync(PipelineStage stage, RecordingStatus status = RecordingStatus.Running, StageProgress? progress = null)
    {
        Current = stage;
        context.SetCustomStatus(new PipelineStatus(stage, status, progress));
        await context.CallActivityAsync(nameof(UpdateRecordingStageActivity), new StageUpdate(recordingId, stage, status, progress), Retries.Transient);
    }

    public async Task<PipelineOutcome> FailAsync(TaskFailedException failure)
    {
        var reason = FailureReasons.ForUser(Current, failure.FailureDetails);
        context.SetCustomStatus(new PipelineStatus(Current, RecordingStatus.Failed, Error: reason));
        await context.CallActivityAsync(nameof(MarkRecordingFailedActivity), new FailureInput(recordingId, Current, reason), Retries.Transient);
        return new PipelineOutcome(recordingId, RecordingStatus.Failed, Current, reason);
    }
}
