namespace Workflow.Exports;

/// <summary>
/// Horizontal bar charts as PNG for papers and slides, rendered with ScottPlot (SkiaSharp, no system
/// fonts or libraries beyond what its package ships). Categories read top to bottom in the order
/// given; with several series each category gets one bar per series, side by side, and a legend.
/// A missing value (null) draws no bar, so an undefined figure is never shown as 0.
/// </summary>
internal static class HorizontalBarChartPng
{
    public const int Width = 900;

    private static readonly ScottPlot.Color[] Palette = [ScottPlot.Color.FromHex("#4e79a7"), ScottPlot.Color.FromHex("#f28e2b")];

    public sealed record Series(string Name, IReadOnlyList<double?> Values);

    /// <summary>The PNG's height for <paramref name="categories"/> rows of <paramref name="series"/> bars.</summary>
    public static int HeightFor(int categories, int series = 1) => 140 + 26 * series * Math.Max(1, categories);

    public static byte[] Render(string title, string valueLabel, IReadOnlyList<string> categories, IReadOnlyList<Series> series)
    {
        using var plot = new ScottPlot.Plot();
        var slots = series.Count + 1; // one gap between categories
        for (var s = 0; s < series.Count; s++)
        {
            var bars = new List<ScottPlot.Bar>();
            for (var c = 0; c < categories.Count; c++)
                if (series[s].Values[c] is { } value)
                    bars.Add(new ScottPlot.Bar { Position = Position(c, s, categories.Count, slots), Value = value, FillColor = Palette[s % Palette.Length] });
            var plotted = plot.Add.Bars(bars);
            plotted.Horizontal = true;
            if (series.Count > 1) plotted.LegendText = series[s].Name;
        }
        var ticks = Enumerable.Range(0, categories.Count).Select(c => Position(c, (series.Count - 1) / 2.0, categories.Count, slots)).ToArray();
        plot.Axes.Left.SetTicks(ticks, categories.Select(Shorten).ToArray());
        plot.Axes.Margins(left: 0);
        plot.Legend.IsVisible = series.Count > 1;
        plot.Title(title);
        plot.XLabel(valueLabel);
        return plot.GetImageBytes(Width, HeightFor(categories.Count, series.Count), ScottPlot.ImageFormat.Png);
    }

    // The first category at the top: positions count down from the top slot.
    private static double Position(int category, double seriesIndex, int categories, int slots) =>
        (categories - 1 - category) * slots + (slots - 2 - seriesIndex);

    private static string Shorten(string label) => label.Length <= 40 ? label : label[..39] + "…";
}
