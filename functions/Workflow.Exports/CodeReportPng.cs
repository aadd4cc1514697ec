using Workflow.Domain.Exports.Reports;

namespace Workflow.Exports;

/// <summary>The code report's charts as PNG: coded segments per code, and per-code agreement between coders and the engine.</summary>
public static class CodeReportPng
{
    public const int Width = HorizontalBarChartPng.Width;

    /// <summary>The charts a caller can ask for (<c>chart=</c>).</summary>
    public const string Codes = "codes", Agreement = "agreement";

    /// <summary>The code-totals PNG's height for <paramref name="codes"/> bars.</summary>
    public static int HeightFor(int codes) => HorizontalBarChartPng.HeightFor(codes);

    /// <summary>The agreement PNG's height for <paramref name="codes"/> codes (two bars each).</summary>
    public static int AgreementHeightFor(int codes) => HorizontalBarChartPng.HeightFor(codes, 2);

    /// <summary>Coded segments per code, in codebook order (first code at the top).</summary>
    public static byte[] CodeTotals(CodeReport report) =>
        HorizontalBarChartPng.Render($"Coded segments per code ({report.Recordings} verified recordings)", "Coded segments",
            report.Codes.Select(c => c.Code).ToList(), [new("Coded segments", report.Codes.Select(c => (double?)c.Total).ToList())]);

    /// <summary>Cohen's kappa and Gwet's AC1 per code (an undefined one has no bar); null when the report has no agreement.</summary>
    public static byte[]? AgreementChart(CodeReport report)
    {
        if (report.Agreement is not { } agreement) return null;
        var rows = agreement.Codes;
        return HorizontalBarChartPng.Render($"Agreement per code, coders and the engine ({agreement.Units} segments)", "Coefficient",
            rows.Select(r => r.Code).ToList(),
            [new("Cohen's kappa", rows.Select(r => r.Counts.Kappa).ToList()), new("Gwet's AC1", rows.Select(r => r.Counts.Ac1).ToList())]);
    }
}
