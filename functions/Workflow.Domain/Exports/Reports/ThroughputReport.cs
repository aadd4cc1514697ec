using Workflow.Domain.Recordings;

namespace Workflow.Domain.Exports.Reports;

/// <summary>
/// How recordings move through a study's pipeline, stage by stage, from the passes kept on each
/// recording (<see cref="StageTiming"/>): how many passes ended, how long they took (median, 90th
/// percentile, longest), how many recordings each stage finished per hour while it was busy, and how
/// many recordings are in it now or failed there. <see cref="PipelineStage.AwaitingVerification"/> is
/// people's time, not machines'. Recordings stored before passes were kept are counted in
/// <see cref="RecordingsWithoutTimings"/> and nowhere else.
/// </summary>
public sealed record ThroughputReport(
    string StudyId,
    string StudyName,
    int Recordings,
    int RecordingsWithoutTimings,
    IReadOnlyList<StageThroughput> Stages);

/// <summary>
/// One stage. Durations are in seconds over the passes that ended (a pass that ended in failure is in
/// <see cref="Failed"/>, not in the durations). <see cref="PerHour"/> is passes ended per hour of the
/// stage's busy time (the union of its passes' intervals, so concurrency counts).
/// <see cref="AudioSecondsPerSecond"/> is, for transcription, audio seconds per wall-clock second
/// (the inverse of the real-time factor); null for other stages or without audio.
/// </summary>
public sealed record StageThroughput(
    PipelineStage Stage,
    int Passes,
    double? MedianSeconds,
    double? P90Seconds,
    double? MaxSeconds,
    double? PerHour,
    double? AudioSecondsPerSecond,
    int Current,
    int Failed);

/// <summary>Builds the throughput report. Pure.</summary>
public static class ThroughputReportBuilder
{
    /// <summary>The stages a recording passes, in order; Completed is an end, not a stage with a duration.</summary>
    public static readonly IReadOnlyList<PipelineStage> Stages =
        Enum.GetValues<PipelineStage>().Where(s => s != PipelineStage.Completed).ToList();

    public static ThroughputReport Build(string studyId, string studyName, IReadOnlyList<Recording> recordings)
    {
        var timed = recordings.Where(r => r.Timings is { Count: > 0 }).ToList();
        var rows = Stages.Select(stage => Row(stage, timed, recordings)).ToList();
        return new ThroughputReport(studyId, studyName, recordings.Count, recordings.Count - timed.Count, rows);
    }

    private static StageThroughput Row(PipelineStage stage, List<Recording> timed, IReadOnlyList<Recording> all)
    {
        var ended = new List<(StageTiming Pass, Recording Recording)>();
        var failed = 0;
        foreach (var recording in timed)
        {
            var passes = recording.Timings!;
            for (var i = 0; i < passes.Count; i++)
            {
                var pass = passes[i];
                if (pass.Stage != stage || pass.EndedAt is null) continue;
                // The last pass of a failed recording ended in the failure: not a duration of work done.
                if (i == passes.Count - 1 && recording.Status == RecordingStatus.Failed) failed++;
                else ended.Add((pass, recording));
            }
        }
        var current = all.Count(r => r.Stage == stage && r.Status is RecordingStatus.Running or RecordingStatus.WaitingForVerification);
        if (ended.Count == 0) return new StageThroughput(stage, 0, null, null, null, null, null, current, failed);

        var seconds = ended.Select(e => e.Pass.Duration!.Value.TotalSeconds).Order().ToList();
        var busy = BusySeconds(ended.Select(e => (e.Pass.StartedAt, e.Pass.EndedAt!.Value)));
        double? perHour = busy > 0 ? ended.Count / busy * 3600 : null;
        double? audioRate = null;
        if (stage == PipelineStage.Transcribing)
        {
            var withAudio = ended.Where(e => e.Recording.DurationSeconds is > 0).ToList();
            var wall = withAudio.Sum(e => e.Pass.Duration!.Value.TotalSeconds);
            if (withAudio.Count > 0 && wall > 0) audioRate = withAudio.Sum(e => e.Recording.DurationSeconds!.Value) / wall;
        }
        return new StageThroughput(stage, ended.Count, Percentile(seconds, 0.5), Percentile(seconds, 0.9), seconds[^1], perHour, audioRate, current, failed);
    }

    /// <summary>The nearest-rank percentile of sorted values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>Seconds covered by at least one of the intervals.</summary>
    public static double BusySeconds(IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> intervals)
    {
        double total = 0;
        DateTimeOffset? start = null, end = null;
        foreach (var (s, e) in intervals.OrderBy(i => i.Start))
        {
            if (end is null || s > end)
            {
                if (end is not null) total += (end.Value - start!.Value).TotalSeconds;
                (start, end) = (s, e);
            }
            else if (e > end) end = e;
        }
        if (end is not null) total += (end.Value - start!.Value).TotalSeconds;
        return total;
    }
}
