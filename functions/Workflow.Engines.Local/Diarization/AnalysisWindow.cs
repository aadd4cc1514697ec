namespace Workflow.Engines.Local.Diarization;

/// <summary>
/// A piece of one speech region short enough to hold (usually) one voice and long enough for steady
/// statistics. <see cref="Region"/> is the index of the region it came from, so smoothing never
/// reaches across a pause.
/// </summary>
internal readonly record struct AnalysisWindow(double StartSeconds, double EndSeconds, int Region)
{
    public double Duration => EndSeconds - StartSeconds;

    public double Midpoint => (StartSeconds + EndSeconds) / 2;

    /// <summary>
    /// Cuts each region into equal windows as close to <paramref name="targetSeconds"/> as possible
    /// (a 5 s region gives two of 2.5 s rather than 2 + 2 + 1), so no window is a short leftover.
    /// </summary>
    public static IReadOnlyList<AnalysisWindow> Split(IReadOnlyList<SpeechRegion> regions, double targetSeconds = 2)
    {
        var windows = new List<AnalysisWindow>();
        foreach (var (region, index) in regions.OrderBy(r => r.StartSeconds).Select((r, i) => (r, i)))
        {
            if (region.Duration <= 0) continue;
            var count = Math.Max(1, (int)Math.Round(region.Duration / targetSeconds));
            var length = region.Duration / count;
            for (var i = 0; i < count; i++)
                windows.Add(new AnalysisWindow(region.StartSeconds + i * length, i == count - 1 ? region.EndSeconds : region.StartSeconds + (i + 1) * length, index));
        }
        return windows;
    }
}
