using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using Workflow.Domain.Coding;
using Workflow.Domain.Reprocessing;
using Workflow.Domain.Verification;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Pipeline;
using Workflow.Storage;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// After a re-run, brings the recording's queue up to date without losing a decision: builds the
/// items the new results call for, and lets <see cref="DecisionCarryOver"/> keep, carry over or
/// re-queue each against what coders already decided. Idempotent: the plan computed again from the
/// resulting rows is empty.
/// </summary>
[DurableTask(nameof(ReconcileVerificationActivity))]
public sealed class ReconcileVerificationActivity(RecordingRepository recordings, RecordingDocuments documents, CodebookRepository codebooks, VerificationQueue queue, TimeProvider time,
    IOptions<TranscriptCheckOptions> transcriptChecks)
    : TaskActivity<ReconcileVerificationInput, ReconcileSummary>
{
    public override async Task<ReconcileSummary> RunAsync(TaskActivityContext context, ReconcileVerificationInput input)
    {
        var ct = CancellationToken.None;
        var now = time.GetUtcNow();
        string ItemId(string local) => VerificationQueue.ItemId(input.StudyId, input.RecordingId, local);

        // Decisions must reach the new waiter: record it before any item it will count exists.
        await recordings.UpdateAsync(input.RecordingId, r => r with { VerificationInstanceId = input.WaitingInstanceId }, ct);

        var kinds = new HashSet<VerificationItemKind> { VerificationItemKind.CodeSuggestion };
        // A transcript check rests on the de-identified text, so it is re-made (and its decision kept
        // while the passage reads the same) whenever the redactions are.
        if (input.Stage.RedoesRedactions()) kinds.UnionWith([VerificationItemKind.Redaction, VerificationItemKind.TranscriptCheck]);
        var (fresh, coding) = await RecordingItems.BuildAsync(documents, input.StudyId, input.RecordingId, input.Stage.RedoesRedactions(), now, ct,
            transcriptChecks: transcriptChecks.Value);

        var existing = await queue.ListAsync(input.StudyId, input.RecordingId, ct);
        var changes = await ChangesSinceAsync(input.StudyId, coding.CodebookVersion, existing, ct);
        var basis = new CodingBasis(coding.CodebookVersion, coding.Segments.ToDictionary(x => x.Id, x => x.Text, StringComparer.Ordinal), ItemId, now);
        var plan = DecisionCarryOver.Plan(existing, fresh, kinds, v => changes[v], basis);
        await queue.ReconcileAsync(plan, existing, ct);

        var progress = VerificationProgressReader.Of(await queue.ListAsync(input.StudyId, input.RecordingId, ct));
        return new ReconcileSummary(progress.Decided, progress.Total, plan.Carried, plan.Requeued, plan.ToSupersede.Count);
    }

    /// <summary>For each older codebook version that decisions were made under, the codes changed since.</summary>
    private async Task<Dictionary<int, IReadOnlySet<string>>> ChangesSinceAsync(string studyId, int current, IReadOnlyList<VerificationItem> existing, CancellationToken ct)
    {
        var result = new Dictionary<int, IReadOnlySet<string>>();
        var versions = existing.Where(i => i.Suggestion is not null).Select(i => i.Suggestion!.CodebookVersion).Where(v => v < current).Distinct().ToList();
        if (versions.Count == 0) return result;
        var now = await codebooks.GetAsync(studyId, current, ct);
        foreach (var version in versions)
        {
            var then = await codebooks.GetAsync(studyId, version, ct);
            // A version that cannot be read is treated as entirely changed: nothing is carried blindly.
            result[version] = then is null || now is null
                ? (now?.Codes.Select(c => c.Id).ToHashSet(StringComparer.Ordinal) ?? []).Union(then?.Codes.Select(c => c.Id) ?? []).ToHashSet(StringComparer.Ordinal)
                : CodebookChanges.Between(then, now);
        }
        return result;
    }
}
