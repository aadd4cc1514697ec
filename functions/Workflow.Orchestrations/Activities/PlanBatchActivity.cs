using Microsoft.DurableTask;
using Workflow.Domain.Reprocessing;
using Workflow.Orchestrations.Contracts;
using Workflow.Storage;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// Reads where the study's recordings stand and lets <see cref="ReprocessPlanner"/> choose; writes the
/// chosen and skipped recordings to the batch's records and returns only their counts. Reads status
/// rows and coding records only, never transcript text.
/// </summary>
[DurableTask(nameof(PlanBatchActivity))]
public sealed class PlanBatchActivity(RecordingRepository recordings, RecordingDocuments documents, CodebookRepository codebooks, StudyBatchRecords records) : TaskActivity<BatchInput, BatchPlanSummary>
{
    public override async Task<BatchPlanSummary> RunAsync(TaskActivityContext context, BatchInput input)
    {
        var ct = CancellationToken.None;
        var all = await recordings.ListByStudyAsync(input.StudyId, ct);
        var current = (await codebooks.GetCurrentAsync(input.StudyId, ct))?.Version;
        // Coding versions matter only to a "changed since version N" scope; skip the reads otherwise.
        var needVersions = input.Scope.ChangedSinceCodebookVersion is not null;
        var candidates = new List<ReprocessCandidate>();
        foreach (var r in all.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal))
        {
            var coded = needVersions ? (await documents.GetCodingAsync(input.StudyId, r.Id, ct))?.CodebookVersion : null;
            candidates.Add(new ReprocessCandidate(r.Id, r.Metadata.SiteId, r.Source, r.Status, r.Stage, coded, r.RawAudioDeletedAt is not null));
        }
        var selection = ReprocessPlanner.Plan(candidates, input.Stage, input.Scope, current);
        var byId = all.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var targets = selection.Eligible.Select(id => RerunTarget.Of(byId[id])).ToList();
        await records.SaveTargetsAsync(input.BatchId, targets, ct);
        await records.SaveSkippedAsync(input.BatchId, selection.Skipped.Select(s => (s.RecordingId, new SkippedRecording(s.RecordingId, s.Reason, s.Busy))), ct);
        return new BatchPlanSummary(targets.Count, selection.Skipped.Count, selection.Skipped.Count(s => s.Busy));
    }
}
