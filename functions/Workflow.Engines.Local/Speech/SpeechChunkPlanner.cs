namespace Workflow.Engines.Local.Speech;

/// <summary>
/// Plans where a recording is cut for parallel decoding. Pure: samples in, cut points out. A cut
/// inside a word loses or garbles it in both chunks, so each cut goes in a silence between speech
/// regions near an equal-share target, which keeps chunks roughly equal so the recognisers finish
/// together. Speech only needs to be known inside the search windows, so the voice-activity model
/// never has to run over the whole recording.
/// </summary>
internal static class SpeechChunkPlanner
{
    // A pause this long is as good a cut as any longer one: beyond it the recogniser has silence
    // either side of the cut and nothing more to gain, so nearness to the target decides.
    private const double GoodPauseSeconds = 1.0;

    /// <summary>The inner cut targets (equal shares of the recording) and the window searched around each.</summary>
    public static IReadOnlyList<SearchWindow> SearchWindows(long totalSamples, int chunkCount, long reach)
    {
        var windows = new List<SearchWindow>(Math.Max(0, chunkCount - 1));
        for (var i = 1; i < chunkCount; i++)
        {
            var target = totalSamples * i / chunkCount;
            windows.Add(new SearchWindow(Math.Max(0, target - reach), Math.Min(totalSamples, target + reach), target));
        }
        return windows;
    }

    /// <summary>
    /// The middle of the best silence in <paramref name="window"/>, given the speech found there: longer
    /// pauses score higher up to <see cref="GoodPauseSeconds"/>, nearer ones higher too. Null when the
    /// window holds no silence at all.
    /// </summary>
    public static long? BestCut(IReadOnlyList<SpeechRegion> speech, SearchWindow window)
    {
        long? best = null;
        var bestScore = double.MinValue;
        var reach = Math.Max(1, Math.Max(window.Target - window.From, window.To - window.Target));
        foreach (var gap in Silences(speech, window.From, window.To))
        {
            var cut = gap.Start + gap.Length / 2;
            var pause = Math.Min(GoodPauseSeconds, gap.Length / (double)SpeechRegion.SampleRate);
            var score = pause / GoodPauseSeconds - (double)Math.Abs(cut - window.Target) / reach;
            if (score > bestScore) (best, bestScore) = (cut, score);
        }
        return best;
    }

    /// <summary>
    /// All cut points, first 0 and last <paramref name="totalSamples"/>, from the chosen inner cuts;
    /// a cut closer than <paramref name="minChunkSamples"/> to the previous one is dropped (its chunk
    /// would cost a recogniser start for little audio).
    /// </summary>
    public static IReadOnlyList<long> Cuts(long totalSamples, IEnumerable<long> innerCuts, long minChunkSamples)
    {
        var cuts = new List<long> { 0 };
        foreach (var cut in innerCuts.Order())
            if (cut - cuts[^1] >= minChunkSamples && totalSamples - cut >= minChunkSamples) cuts.Add(cut);
        cuts.Add(totalSamples);
        return cuts;
    }

    /// <summary>The silences inside [<paramref name="from"/>, <paramref name="to"/>): around and between the regions.</summary>
    internal static List<SpeechRegion> Silences(IReadOnlyList<SpeechRegion> speech, long from, long to)
    {
        var gaps = new List<SpeechRegion>();
        var end = from;
        foreach (var region in speech)
        {
            if (region.End <= from || region.Start >= to) continue;
            if (region.Start > end) gaps.Add(new SpeechRegion(end, region.Start));
            end = Math.Max(end, region.End);
        }
        if (to > end) gaps.Add(new SpeechRegion(end, to));
        return gaps;
    }
}

/// <summary>Where a cut near <see cref="Target"/> is looked for: [<see cref="From"/>, <see cref="To"/>), in samples.</summary>
internal readonly record struct SearchWindow(long From, long To, long Target);
