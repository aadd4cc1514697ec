using Microsoft.DurableTask;
using Workflow.Domain.Recordings;
using Workflow.Orchestrations.Contracts;
using Workflow.Storage;

namespace Workflow.Orchestrations.Activities;

/// <summary>Records the stage on the recording's status row. Idempotent: it sets, never increments.</summary>
[DurableTask(nameof(UpdateRecordingStageActivity))]
public sealed class UpdateRecordingStageActivity(RecordingRepository recordings, TimeProvider time) : TaskActivity<StageUpdate, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, StageUpdate input)
    {
        var now = time.GetUtcNow();
        var updated = await recordings.UpdateAsync(input.RecordingId,
            r => r with
            {
                Timings = StageTimings.Advance(r.Timings, r.CreatedAt, input.Stage, input.Status, now),
                Stage = input.Stage,
                Status = input.Status,
                // Verification progress stays visible after the wait, as the record of what was decided.
                Progress = input.Progress ?? (input.Stage is PipelineStage.Finalizing or PipelineStage.Completed ? r.Progress : null),
                Error = input.Error,
                // The first completion is when it was verified: raw audio retention counts from there.
                VerifiedAt = r.VerifiedAt ?? (input.Status == RecordingStatus.Completed ? now : null),
            }, CancellationToken.None);
        return updated is not null;
    }
}
