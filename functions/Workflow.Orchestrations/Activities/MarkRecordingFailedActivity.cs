using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Workflow.Domain.Recordings;
using Workflow.Orchestrations.Contracts;
using Workflow.Storage;

namespace Workflow.Orchestrations.Activities;

/// <summary>Marks a recording failed at its stage with a reason the user can read. The upload itself is kept.</summary>
[DurableTask(nameof(MarkRecordingFailedActivity))]
public sealed class MarkRecordingFailedActivity(RecordingRepository recordings, TimeProvider time, ILogger<MarkRecordingFailedActivity> log) : TaskActivity<FailureInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, FailureInput input)
    {
        log.LogWarning("Recording {RecordingId} failed at {Stage}", input.RecordingId, input.Stage);
        var updated = await recordings.UpdateAsync(input.RecordingId,
            r => r with
            {
                Stage = input.Stage,
                Status = RecordingStatus.Failed,
                Error = input.Reason,
                Timings = StageTimings.Advance(r.Timings, r.CreatedAt, input.Stage, RecordingStatus.Failed, time.GetUtcNow()),
            }, CancellationToken.None);
        return updated is not null;
    }
}
