using System.Globalization;
using System.Net;
using System.Text;

using Workflow.Domain.Coding;

namespace Workflow.Domain.Exports.Reports;

/// <summary>
/// The code report as one self-contained HTML page (inline CSS and SVG charts, nothing fetched), so it
/// opens offline and can be archived with a study. Every value is HTML-encoded.
/// </summary>
public static class CodeReportHtml
{
    private const int MaxPairs = 50;

    public static string Write(CodeReport report, DateTimeOffset generatedAt)
    {
        var html = ReportPage.Start("Code report: " + report.StudyName);
        html.Append("<p>Study <code>").Append(E(report.StudyId)).Append("</code>: ").Append(report.Recordings)
            .Append(" verified recordings, ").Append(report.CodedSegments).Append(" coded segments. Generated ")
            .Append(E(generatedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)))
            .Append(". Counts are coded segments; a focus-group segment counts once for each respondent group present.</p>\n");

        html.Append(SvgBarChart.Render("Coded segments per code", report.Codes.Select(c => (c.Code, c.Total)).ToList())).Append('\n');
        html.Append(SvgBarChart.Render("Coded segments per site",
            report.Sites.Select((s, i) => (s.Name, report.Codes.Sum(c => c.BySite[i]))).ToList())).Append('\n');

        Matrix(html, "Code frequency by site", report.Sites, report, c => c.BySite, withTotal: true);
        Matrix(html, "Code frequency by respondent group", report.Roles, report, c => c.ByRole, withTotal: false);

        html.Append("<table><caption>Code co-occurrence (segments with both codes");
        if (report.CoOccurrences.Count > MaxPairs) html.Append(", the ").Append(MaxPairs).Append(" most frequent pairs");
        html.Append(")</caption><tr><th>Code</th><th>Code</th><th>Segments</th></tr>");
        foreach (var pair in report.CoOccurrences.Take(MaxPairs))
            html.Append("<tr><td>").Append(E(pair.NameA)).Append("</td><td>").Append(E(pair.NameB)).Append("</td><td class=\"n\">").Append(pair.Segments).Append("</td></tr>");
        if (report.CoOccurrences.Count == 0) html.Append("<tr><td colspan=\"3\">No segment has more than one code.</td></tr>");
        html.Append("</table>\n");
        AgreementTable(html, report.Agreement);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void AgreementTable(StringBuilder html, CodeAgreement? agreement)
    {
        if (agreement is null)
        {
            html.Append("<p>No per-code agreement yet: no segment's code suggestions have all been decided by a coder.</p>\n");
            return;
        }
        html.Append("<p>").Append(E(agreement.Basis)).Append(' ').Append(agreement.Units).Append(" segments count");
        if (agreement.SegmentsAwaitingDecisions > 0) html.Append("; ").Append(agreement.SegmentsAwaitingDecisions).Append(" more await decisions");
        html.Append(".</p>\n<table><caption>Per-code agreement: coders and the engine</caption><tr><th>Code</th><th>Both applied</th>")
            .Append("<th>Coders only</th><th>Engine only</th><th>Neither</th><th>Agreement</th><th>Cohen's kappa</th><th>Krippendorff's alpha</th>")
            .Append("<th>Gwet's AC1</th><th>Note</th></tr>");
        foreach (var row in agreement.Codes) AgreementRow(html, E(row.Code), row.Counts);
        AgreementRow(html, "<b>All codes (pooled)</b>", agreement.Pooled);
        html.Append("</table>\n");
    }

    private static void AgreementRow(StringBuilder html, string encodedName, AgreementCounts c)
    {
        html.Append("<tr><td>").Append(encodedName).Append("</td>");
        foreach (var n in new[] { c.TruePositives, c.FalseNegatives, c.FalsePositives, c.TrueNegatives })
            html.Append("<td class=\"n\">").Append(n).Append("</td>");
        foreach (var value in new[] { c.ObservedAgreement, c.Kappa, c.Alpha, c.Ac1 })
            html.Append("<td class=\"n\">").Append(value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "undefined").Append("</td>");
        html.Append("<td>").Append(E(c.PrevalenceWarning ?? "")).Append("</td></tr>");
    }

    private static void Matrix(StringBuilder html, string caption, IReadOnlyList<ReportColumn> columns, CodeReport report, Func<CodeRow, IReadOnlyList<int>> counts, bool withTotal)
    {
        html.Append("<table><caption>").Append(E(caption)).Append("</caption><tr><th>Code</th>");
        foreach (var column in columns) html.Append("<th>").Append(E(column.Name)).Append("</th>");
        if (withTotal) html.Append("<th>Total</th>");
        html.Append("</tr><tr><th>Verified recordings</th>");
        foreach (var column in columns) html.Append("<td class=\"n\">").Append(column.Recordings).Append("</td>");
        if (withTotal) html.Append("<td class=\"n\">").Append(report.Recordings).Append("</td>");
        html.Append("</tr>");
        foreach (var theme in report.Codes.GroupBy(c => (c.ThemeId, c.Theme)))
        {
            html.Append("<tr class=\"theme\"><th colspan=\"").Append(columns.Count + (withTotal ? 2 : 1)).Append("\">").Append(E(theme.Key.Theme)).Append("</th></tr>");
            foreach (var row in theme)
            {
                html.Append("<tr><td>").Append(E(row.Code)).Append("</td>");
                foreach (var n in counts(row)) html.Append("<td class=\"n\">").Append(n).Append("</td>");
                if (withTotal) html.Append("<td class=\"n\">").Append(row.Total).Append("</td>");
                html.Append("</tr>");
            }
        }
        html.Append("</table>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
