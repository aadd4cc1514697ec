using Workflow.Cli.Api;

namespace Workflow.Cli.Progress;

/// <summary>The state <c>workflow watch</c> waits for: every recording waiting for coders (or further), or completed.</summary>
internal enum WatchTarget
{
    Waiting,
    Completed,
}

/// <summary>Where a study's recordings are relative to the target: still moving, all there, or some failed.</summary>
internal sealed record WatchVerdict(bool Finished, int Reached, int Total, IReadOnlyList<RecordingSummary> Failed)
{
    public bool Succeeded => Finished && Failed.Count == 0;
}

/// <summary>Decides when watching ends and renders one line per recording. Pure.</summary>
internal static class WatchProgress
{
    public static WatchTarget? ParseTarget(string value) => value.ToLowerInvariant() switch
    {
        "waiting" => WatchTarget.Waiting,
        "completed" => WatchTarget.Completed,
        _ => null,
    };

    /// <summary>
    /// Finished when every recording has reached the target or failed. A failed recording does not
    /// end the watch at once: the others are followed to the end, so every reason is printed together.
    /// </summary>
    public static WatchVerdict Evaluate(IReadOnlyList<RecordingSummary> recordings, WatchTarget target)
    {
        var failed = recordings.Where(r => r.Status == "Failed").ToList();
        var reached = recordings.Count(r => HasReached(r, target));
        return new WatchVerdict(recordings.Count > 0 && reached + failed.Count == recordings.Count, reached, recordings.Count, failed);
    }

    public static bool HasReached(RecordingSummary recording, WatchTarget target) => target switch
    {
        // A completed recording has been through waiting: it counts as there.
        WatchTarget.Waiting => recording.Status is "WaitingForVerification" or "Completed",
        _ => recording.Status == "Completed",
    };

    /// <summary>
    /// <c>rec-1  Coding  Running</c>, with the progress as a bar: chunks while an audio recording is
    /// transcribed (<c>[###-----] 3/8 chunks</c>), items while coders work (<c>3/8 decided</c>), and
    /// the reason when it failed.
    /// </summary>
    public static string Line(RecordingSummary recording)
    {
        var line = $"{recording.Id,-26} {recording.Stage,-20} {recording.Status}";
        if (recording.Progress is { Total: > 0 } p) line += $" {ProgressText.Bar(p.Done, p.Total, 16)} {p.Done}/{p.Total} {(recording.Stage == "Transcribing" ? "chunks" : "decided")}";
        if (recording.Status == "Failed" && !string.IsNullOrEmpty(recording.Error)) line += ": " + recording.Error;
        return line;
    }

    /// <summary>The summary line under the recordings: <c>[####----] 2/4 waiting or completed</c>.</summary>
    public static string Summary(WatchVerdict verdict, WatchTarget target) =>
        $"{ProgressText.Bar(verdict.Reached, verdict.Total)} {verdict.Reached}/{verdict.Total} " +
        (target == WatchTarget.Waiting ? "waiting for coders or completed" : "completed") +
        (verdict.Failed.Count > 0 ? $", {verdict.Failed.Count} failed" : "");

    /// <summary>A batch's counts in one line, with a bar of finished recordings (done, failed, skipped, cancelled).</summary>
    public static string BatchLine(BatchStatus status)
    {
        var c = status.Counts;
        var finished = c.Done + c.Failed + c.Skipped + c.Cancelled;
        var line = $"{ProgressText.Bar(finished, c.Total)} {finished}/{c.Total} {status.RuntimeStatus}: {c.Done} done, {c.Failed} failed, {c.Running} running, {c.Queued} queued, {c.WaitingForCoders} waiting for coders";
        if (c.Skipped > 0) line += $", {c.Skipped} skipped";
        if (c.Cancelled > 0) line += $", {c.Cancelled} cancelled";
        if (c.CancelRequested) line += " (cancel requested)";
        return line;
    }
}
