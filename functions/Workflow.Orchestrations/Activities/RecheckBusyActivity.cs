using Microsoft.DurableTask;
using Workflow.Domain.Reprocessing;
using Workflow.Orchestrations.Contracts;
using Workflow.Storage;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// Looks again at the recordings a batch skipped only because they were running when it was planned
/// (a previous batch's finaliser, say): those that can run now are appended to the batch's targets
/// and no longer listed as skipped; the others keep their (possibly new) reason. Without this, a new
/// identifier list that arrives while a recording is finalising would never reach that recording.
/// Safe to repeat: the same recordings land at the same positions.
/// </summary>
[DurableTask(nameof(RecheckBusyActivity))]
public sealed class RecheckBusyActivity(RecordingRepository recordings, CodebookRepository codebooks, StudyBatchRecords records)
    : TaskActivity<BusyRecheckInput, BusyRecheckSummary>
{
    public override async Task<BusyRecheckSummary> RunAsync(TaskActivityContext context, BusyRecheckInput input)
    {
        var ct = CancellationToken.None;
        var batch = input.Batch;
        var busy = (await records.SkippedAsync<SkippedRecording>(batch.BatchId, ct)).Where(s => s.Busy).Select(s => s.RecordingId).ToHashSet(StringComparer.Ordinal);
        if (busy.Count == 0) return new BusyRecheckSummary(0, 0);

        var rows = (await recordings.ListByStudyAsync(batch.StudyId, ct)).Where(r => busy.Contains(r.Id)).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        var current = (await codebooks.GetCurrentAsync(batch.StudyId, ct))?.Version;
        // Coding versions matter only to a "changed since" scope, which skips never-coded recordings anyway.
        var candidates = rows.Select(r => new ReprocessCandidate(r.Id, r.Metadata.SiteId, r.Source, r.Status, r.Stage, null, r.RawAudioDeletedAt is not null));
        var selection = ReprocessPlanner.Plan(candidates, batch.Stage, batch.Scope with { Recordings = [.. busy] }, current);

        var byId = rows.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var targets = selection.Eligible.Select(id => RerunTarget.Of(byId[id])).ToList();
        await records.SaveTargetsAsync(batch.BatchId, targets, ct, from: input.AppendAt);
        foreach (var target in targets) await records.RemoveSkippedAsync(batch.BatchId, target.RecordingId, ct);
        await records.SaveSkippedAsync(batch.BatchId, selection.Skipped.Select(s => (s.RecordingId, new SkippedRecording(s.RecordingId, s.Reason, s.Busy))), ct);
        return new BusyRecheckSummary(targets.Count, selection.Skipped.Count(s => s.Busy));
    }
}
