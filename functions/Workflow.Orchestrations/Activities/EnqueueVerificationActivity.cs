using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using Workflow.Domain.Verification;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Pipeline;
using Workflow.Storage;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// Puts the recording's uncertain redactions and doubtful transcript passages (first pass only) and proposed codes (a share of segments
/// double-coded, as the study asks) into the study's queue, and records which orchestration instance waits for the decisions. Idempotent: item ids
/// are derived from what they verify and existing rows are left as they are.
/// </summary>
[DurableTask(nameof(EnqueueVerificationActivity))]
public sealed class EnqueueVerificationActivity(RecordingRepository recordings, StudyRepository studies, RecordingDocuments documents, VerificationQueue queue, TimeProvider time,
    IOptions<TranscriptCheckOptions> transcriptChecks) : TaskActivity<EnqueueVerificationInput, VerificationProgress>
{
    public override async Task<VerificationProgress> RunAsync(TaskActivityContext context, EnqueueVerificationInput input)
    {
        var ct = CancellationToken.None;
        var now = time.GetUtcNow();
        // Record the waiting instance before any item exists, so no decision can find nobody to tell.
        await recordings.UpdateAsync(input.RecordingId, r => r with { VerificationInstanceId = input.WaitingInstanceId }, ct);

        // The share is read when the items are first built; a re-run of this activity builds the same
        // items unless a lead changed the share in between, and rows already queued are kept either way.
        var share = (await studies.GetAsync(input.StudyId, ct))?.VerificationSettings.DoubleCodingShare ?? 0;
        var (items, _) = await RecordingItems.BuildAsync(documents, input.StudyId, input.RecordingId, input.IncludeRedactions, now, ct, share, transcriptChecks.Value);
        await queue.EnqueueAsync(items, ct);
        return VerificationProgressReader.Of(await queue.ListAsync(input.StudyId, input.RecordingId, ct));
    }
}
