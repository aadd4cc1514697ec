namespace Workflow.Engines.Local.Tests.Diarization;

/// <summary>Who spoke from when to when: a reference turn or a hypothesis utterance.</summary>
public sealed record SpeakerSegment(double StartSeconds, double EndSeconds, string Speaker);

/// <summary>The parts of a diarization error, in seconds of scored reference speech.</summary>
public sealed record DiarizationError(double Missed, double FalseAlarm, double Confusion, double ReferenceSpeech)
{
    public double Rate => ReferenceSpeech == 0 ? 0 : (Missed + FalseAlarm + Confusion) / ReferenceSpeech;
}

/// <summary>
/// Diarization error rate as NIST scores it: missed speech + false-alarm speech + speaker confusion
/// over reference speech time, after the one-to-one mapping of hypothesis to reference speakers that
/// maximises their overlap, with no scoring within <c>collar</c> seconds of a reference boundary.
/// Time is scored on a 10 ms grid, exact enough for collars of a quarter second.
/// </summary>
public static class DiarizationErrorRate
{
    public static DiarizationError Compute(IReadOnlyList<SpeakerSegment> reference, IReadOnlyList<SpeakerSegment> hypothesis, double collar = 0.25, double step = 0.01)
    {
        var referenceSpeakers = reference.Select(s => s.Speaker).Distinct().ToList();
        var hypothesisSpeakers = hypothesis.Select(s => s.Speaker).Distinct().ToList();
        var overlap = new double[referenceSpeakers.Count, hypothesisSpeakers.Count];
        var boundaries = reference.SelectMany(s => new[] { s.StartSeconds, s.EndSeconds }).Order().ToArray();
        var end = reference.Concat(hypothesis).Select(s => s.EndSeconds).DefaultIfEmpty(0).Max();

        double missed = 0, falseAlarm = 0, matchable = 0, total = 0;
        for (var t = step / 2; t < end; t += step)
        {
            if (NearBoundary(boundaries, t, collar)) continue;
            var activeReference = Active(reference, referenceSpeakers, t);
            var activeHypothesis = Active(hypothesis, hypothesisSpeakers, t);
            total += activeReference.Count * step;
            missed += Math.Max(0, activeReference.Count - activeHypothesis.Count) * step;
            falseAlarm += Math.Max(0, activeHypothesis.Count - activeReference.Count) * step;
            matchable += Math.Min(activeReference.Count, activeHypothesis.Count) * step;
            foreach (var r in activeReference)
                foreach (var h in activeHypothesis) overlap[r, h] += step;
        }
        var confusion = matchable - BestMapping(overlap).Overlap;
        return new DiarizationError(missed, falseAlarm, Math.Max(0, confusion), total);
    }

    /// <summary>
    /// The one-to-one mapping (reference speaker → hypothesis speaker or none) with the largest total
    /// overlap, by exhaustive search: fine for the at most eight speakers scored here.
    /// </summary>
    public static (double Overlap, int[] HypothesisOf) BestMapping(double[,] overlap)
    {
        var references = overlap.GetLength(0);
        var hypotheses = overlap.GetLength(1);
        var used = new bool[hypotheses];
        var current = new int[references];
        var best = (Overlap: -1.0, HypothesisOf: new int[references]);
        Search(0, 0);
        return best;

        void Search(int r, double sum)
        {
            if (r == references)
            {
                if (sum > best.Overlap) best = (sum, (int[])current.Clone());
                return;
            }
            current[r] = -1;
            Search(r + 1, sum);
            for (var h = 0; h < hypotheses; h++)
            {
                if (used[h]) continue;
                used[h] = true;
                current[r] = h;
                Search(r + 1, sum + overlap[r, h]);
                used[h] = false;
            }
        }
    }

    private static List<int> Active(IReadOnlyList<SpeakerSegment> segments, List<string> speakers, double t) =>
        segments.Where(s => s.StartSeconds <= t && t < s.EndSeconds).Select(s => speakers.IndexOf(s.Speaker)).Distinct().ToList();

    private static bool NearBoundary(double[] sortedBoundaries, double t, double collar)
    {
        if (collar <= 0 || sortedBoundaries.Length == 0) return false;
        var i = Array.BinarySearch(sortedBoundaries, t);
        if (i < 0) i = ~i;
        return (i < sortedBoundaries.Length && sortedBoundaries[i] - t < collar) || (i > 0 && t - sortedBoundaries[i - 1] < collar);
    }
}
