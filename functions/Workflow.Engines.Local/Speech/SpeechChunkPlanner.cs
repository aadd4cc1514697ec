namespace Workflow.Engines.Local.Speech;

/// <summary>
/// Plans where a recording is cut for parallel decoding, from its speech regions. Pure: samples in,
/// cut points out. A cut inside a word loses or garbles it in both chunks, so cuts go in the
/// silences between regions; chunks are kept roughly equal so the recognisers finish together.
/// </summary>
internal static class SpeechChunkPlanner
{
    // A pause this long is as good a cut as any longer one: beyond it the recogniser has silence
    // either side of the cut and nothing more to gain, so nearness to the target decides.
    private const double GoodPauseSeconds = 1.0;

    /// <summary>
    /// Cut points (in samples, first 0, last <paramref name="totalSamples"/>) for about
    /// <paramref name="chunkCount"/> chunks. Each inner cut is the middle of the best silence within
    /// <paramref name="searchSamples"/> of an equal-share target: longer pauses score higher up to
    /// <see cref="GoodPauseSeconds"/>, nearer ones higher too. With no silence in reach the search widens
    /// to the whole stretch between the previous cut and the next target; only speech without any pause
    /// there is cut at the target itself.
    /// </summary>
    public static IReadOnlyList<long> PlanCuts(IReadOnlyList<SpeechRegion> speech, long totalSamples, int chunkCount, long searchSamples)
    {
        var cuts = new List<long> { 0 };
        var gaps = Silences(speech, totalSamples);
        for (var i = 1; i < chunkCount; i++)
        {
            // Re-share what is left after the previous cut, so one early cut far from its target does not skew the rest.
            var remaining = chunkCount - i + 1;
            var target = cuts[^1] + (totalSamples - cuts[^1]) / remaining;
            var share = (totalSamples - cuts[^1]) / remaining;
            var cut = BestCut(gaps, target, Math.Max(cuts[^1] + share / 2, target - searchSamples), Math.Min(totalSamples - share / 2, target + searchSamples), searchSamples)
                      ?? BestCut(gaps, target, cuts[^1] + share / 4, totalSamples - share / 4, totalSamples)
                      ?? target;
            if (cut > cuts[^1]) cuts.Add(cut);
        }
        cuts.Add(totalSamples);
        return cuts;
    }

    /// <summary>The silences: before the first region, between regions and after the last.</summary>
    internal static List<SpeechRegion> Silences(IReadOnlyList<SpeechRegion> speech, long totalSamples)
    {
        var gaps = new List<SpeechRegion>(speech.Count + 1);
        var end = 0L;
        foreach (var region in speech)
        {
            if (region.Start > end) gaps.Add(new SpeechRegion(end, region.Start));
            end = Math.Max(end, region.End);
        }
        if (totalSamples > end) gaps.Add(new SpeechRegion(end, totalSamples));
        return gaps;
    }

    private static long? BestCut(List<SpeechRegion> gaps, long target, long from, long to, long reach)
    {
        long? best = null;
        var bestScore = double.MinValue;
        foreach (var gap in gaps)
        {
            // Only the part of the silence inside [from, to] counts; its middle is the cut.
            var start = Math.Max(gap.Start, from);
            var end = Math.Min(gap.End, to);
            if (end <= start) continue;
            var cut = start + (end - start) / 2;
            var pause = Math.Min(GoodPauseSeconds, (double)(end - start) / SpeechRegion.SampleRate);
            var score = pause / GoodPauseSeconds - (double)Math.Abs(cut - target) / Math.Max(1, reach);
            if (score > bestScore) (best, bestScore) = (cut, score);
        }
        return best;
    }
}
