using Workflow.Domain.Exports.Reports;

namespace Workflow.Exports;

/// <summary>
/// The code report's main chart as a PNG for papers and slides: coded segments per code, horizontal
/// bars in codebook order (first code at the top), rendered with ScottPlot (SkiaSharp, no system fonts
/// or libraries beyond what its package ships).
/// </summary>
public static class CodeReportPng
{
    public const int Width = 900;

    /// <summary>The PNG's height for <paramref name="codes"/> bars.</summary>
    public static int HeightFor(int codes) => 140 + 26 * Math.Max(1, codes);

    public static byte[] CodeTotals(CodeReport report)
    {
        using var plot = new ScottPlot.Plot();
        var codes = report.Codes;
        var positions = Enumerable.Range(0, codes.Count).Select(i => (double)(codes.Count - 1 - i)).ToArray();
        var bars = plot.Add.Bars(positions.Select((p, i) => new ScottPlot.Bar { Position = p, Value = codes[i].Total }).ToList());
        bars.Horizontal = true;
        plot.Axes.Left.SetTicks(positions, codes.Select(c => c.Code.Length <= 40 ? c.Code : c.Code[..39] + "…").ToArray());
        plot.Axes.Margins(left: 0);
        plot.Title($"Coded segments per code ({report.Recordings} verified recordings)");
        plot.XLabel("Coded segments");
        return plot.GetImageBytes(Width, HeightFor(codes.Count), ScottPlot.ImageFormat.Png);
    }
}
