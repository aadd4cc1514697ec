using Microsoft.DurableTask;
using Workflow.Domain.Recordings;
using Workflow.Orchestrations.Contracts;
using Workflow.Storage;

namespace Workflow.Orchestrations.Activities;

/// <summary>Reads how many of a recording's items are decided and shows it on the recording's status.</summary>
[DurableTask(nameof(GetVerificationProgressActivity))]
public sealed class GetVerificationProgressActivity(VerificationQueue queue, RecordingRepository recordings) : TaskActivity<RecordingRef, VerificationProgress>
{
    public override async Task<VerificationProgress> RunAsync(TaskActivityContext context, RecordingRef input)
    {
        var progress = VerificationProgressReader.Of(await queue.ListAsync(input.StudyId, input.RecordingId, CancellationToken.None));
        await recordings.UpdateAsync(input.RecordingId,
            r => r with { Progress = new StageProgress(progress.Decided, progress.Total) }, CancellationToken.None);
        return progress;
    }
}
