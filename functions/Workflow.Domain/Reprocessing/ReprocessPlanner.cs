using Workflow.Domain.Recordings;

namespace Workflow.Domain.Reprocessing;

/// <summary>
/// Decides which recordings a batch re-runs. Pure, so the rules are unit-tested and the activity that
/// calls it only reads rows.
/// </summary>
public static class ReprocessPlanner
{
    /// <summary>
    /// Recordings in <paramref name="scope"/> that can be re-run from <paramref name="stage"/>, in the
    /// order given; the others in scope are skipped with a reason a lead can act on.
    /// </summary>
    public static ReprocessSelection Plan(
        IEnumerable<ReprocessCandidate> candidates, ReprocessStage stage, ReprocessScope scope, int? currentCodebookVersion)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(scope);
        var sites = scope.Sites is { Count: > 0 } s ? s.ToHashSet(StringComparer.Ordinal) : null;
        var named = scope.Recordings is { Count: > 0 } r ? r.ToHashSet(StringComparer.Ordinal) : null;

        var eligible = new List<string>();
        var skipped = new List<SkippedCandidate>();
        foreach (var c in candidates)
        {
            if (sites is not null && !sites.Contains(c.SiteId)) continue;
            if (named is not null && !named.Contains(c.RecordingId)) continue;
            var reason = WhyNot(c, stage, scope, currentCodebookVersion);
            if (reason is null) eligible.Add(c.RecordingId);
            // Running at or past the stage this batch re-runs, it may have used the old inputs: a batch
            // looks again before it ends. Running before it, it will reach that stage with the new ones.
            else skipped.Add(new SkippedCandidate(c.RecordingId, reason, Busy: c.Status == RecordingStatus.Running && c.Stage >= FirstStageOf(stage)));
        }
        return new ReprocessSelection(eligible, skipped);
    }

    /// <summary>
    /// The latest stage a recording that failed at <paramref name="failedAt"/> can re-run from: the
    /// stage it failed in, whose input exists. Null when it failed before its upload was accepted
    /// (ingest): only a new upload helps then. Retrying a failed recording re-runs from here.
    /// </summary>
    public static ReprocessStage? RetryStageOf(SourceKind source, PipelineStage failedAt)
    {
        if (failedAt <= PipelineStage.Ingesting) return null;
        if (source == SourceKind.Audio && failedAt <= PipelineStage.Transcribing) return ReprocessStage.Transcription;
        return failedAt <= PipelineStage.Deidentifying ? ReprocessStage.Deidentification : ReprocessStage.Coding;
    }

    private static PipelineStage FirstStageOf(ReprocessStage stage) => stage switch
    {
        ReprocessStage.Transcription => PipelineStage.Transcribing,
        ReprocessStage.Deidentification => PipelineStage.Deidentifying,
        _ => PipelineStage.Coding,
    };

    private static string? WhyNot(ReprocessCandidate c, ReprocessStage stage, ReprocessScope scope, int? current)
    {
        if (stage == ReprocessStage.Transcription && c.Source != SourceKind.Audio)
            return "it is an imported transcript: there is no audio to transcribe; re-run from de-identification instead";
        if (c.Status == RecordingStatus.Deleting)
            return "it is being deleted";
        if (stage == ReprocessStage.Transcription && c.AudioDeleted)
            return "its audio was deleted under the study's retention rule; re-run it from de-identification instead";
        if (c.Status == RecordingStatus.Running && c.Stage < FirstStageOf(stage))
            return $"it is still in its first pass ({c.Stage}) and reaches {stage.ToString().ToLowerInvariant()} with the current settings";
        if (c.Status == RecordingStatus.Running)
            return $"it is still being processed ({c.Stage}); try again when it waits for verification or has finished";
        if (c.Status == RecordingStatus.Failed)
        {
            // A failed recording can re-run only from a stage whose input exists: at or before the
            // stage it failed in. Ingest failures need a new upload.
            if (RetryStageOf(c.Source, c.Stage) is not { } rerunFrom)
                return "it failed before its upload was accepted; upload it again";
            if (stage > rerunFrom)
                return $"it failed at {c.Stage}, so it has no input for {stage}; re-run it from {rerunFrom.ToString().ToLowerInvariant()}";
        }
        if (scope.ChangedSinceCodebookVersion is { } since)
        {
            if (c.CodedWithCodebookVersion is not { } coded)
                return "it has not been coded yet";
            if (coded == current)
                return $"it is already coded with the current codebook (version {current})";
            if (coded < since)
                return $"it was coded with codebook version {coded}, before version {since}: changes before {since} would be missed; widen the scope";
        }
        return null;
    }
}
