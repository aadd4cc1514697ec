using Microsoft.DurableTask;
using Workflow.Domain.Recordings;
using Workflow.Domain.Verification;
using Workflow.Orchestrations.Contracts;
using Workflow.Storage;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// Reads how many of a recording's items are decided and shows it on the recording's status. First it
/// queues a reconciliation for every double-coded proposal whose two coders disagreed, so the count
/// includes them and the recording waits for a lead to settle them. Idempotent: reconciliation ids are
/// derived from the proposal, and this runs after every decision signal and every re-check, so a
/// disagreement is never left unqueued by a crash between a decision and its reconciliation.
/// </summary>
[DurableTask(nameof(GetVerificationProgressActivity))]
public sealed class GetVerificationProgressActivity(VerificationQueue queue, RecordingRepository recordings, TimeProvider time) : TaskActivity<RecordingRef, VerificationProgress>
{
    public override async Task<VerificationProgress> RunAsync(TaskActivityContext context, RecordingRef input)
    {
        var items = await queue.ListAsync(input.StudyId, input.RecordingId, CancellationToken.None);
        var due = ReconciliationPlanner.Due(items, time.GetUtcNow());
        if (due.Count > 0)
        {
            await queue.EnqueueAsync(due, CancellationToken.None);
            items = await queue.ListAsync(input.StudyId, input.RecordingId, CancellationToken.None);
        }
        var progress = VerificationProgressReader.Of(items);
        await recordings.UpdateAsync(input.RecordingId,
            r => r with { Progress = new StageProgress(progress.Decided, progress.Total) }, CancellationToken.None);
        return progress;
    }
}
