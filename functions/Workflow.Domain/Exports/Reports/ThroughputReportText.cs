using System.Globalization;
using System.Net;
using System.Text;
using Workflow.Domain.Exports.Csv;

namespace Workflow.Domain.Exports.Reports;

/// <summary>
/// The throughput report as CSV (a row per stage, numbers invariant, empty where undefined) and as one
/// self-contained HTML page with inline SVG charts, like the code report.
/// </summary>
public static class ThroughputReportText
{
    public static readonly IReadOnlyList<string> Header =
        ["stage", "passes", "median_seconds", "p90_seconds", "max_seconds", "per_hour", "audio_seconds_per_second", "current", "failed"];

    public static string Csv(ThroughputReport report)
    {
        var csv = new StringBuilder(CsvCell.Row(Header));
        foreach (var s in report.Stages)
            csv.Append(CsvCell.Row([s.Stage.ToString(), N(s.Passes), N(s.MedianSeconds), N(s.P90Seconds), N(s.MaxSeconds), N(s.PerHour), N(s.AudioSecondsPerSecond), N(s.Current), N(s.Failed)]));
        return csv.ToString();
    }

    public static string Html(ThroughputReport report, DateTimeOffset generatedAt)
    {
        var html = ReportPage.Start("Pipeline throughput: " + report.StudyName);
        html.Append("<p>Study <code>").Append(E(report.StudyId)).Append("</code>: ").Append(report.Recordings).Append(" recordings. Generated ")
            .Append(E(generatedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)))
            .Append(". Durations are of passes that ended; a batch re-run adds a pass. Awaiting verification is coders' time.");
        if (report.RecordingsWithoutTimings > 0)
            html.Append(' ').Append(report.RecordingsWithoutTimings).Append(" recordings were processed before stage times were kept and are not counted.");
        html.Append("</p>\n");

        html.Append(SvgBarChart.Render("Median seconds per pass", report.Stages.Where(s => s.MedianSeconds is not null)
            .Select(s => (Label(s.Stage), (int)Math.Round(s.MedianSeconds!.Value))).ToList())).Append('\n');
        html.Append(SvgBarChart.Render("Passes ended per busy hour", report.Stages.Where(s => s.PerHour is not null)
            .Select(s => (Label(s.Stage), (int)Math.Round(s.PerHour!.Value))).ToList())).Append('\n');

        html.Append("<table><caption>Stages</caption><tr><th>Stage</th><th>Passes</th><th>Median s</th><th>90th percentile s</th><th>Longest s</th>")
            .Append("<th>Per busy hour</th><th>Audio s per s</th><th>In it now</th><th>Failed there</th></tr>");
        foreach (var s in report.Stages)
        {
            html.Append("<tr><td>").Append(E(Label(s.Stage))).Append("</td>");
            foreach (var value in new[] { N(s.Passes), N(s.MedianSeconds), N(s.P90Seconds), N(s.MaxSeconds), N(s.PerHour), N(s.AudioSecondsPerSecond), N(s.Current), N(s.Failed) })
                html.Append("<td class=\"n\">").Append(E(value)).Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</table>\n</body></html>\n").ToString();
    }

    /// <summary>"AwaitingVerification" as "Awaiting verification".</summary>
    public static string Label(Recordings.PipelineStage stage)
    {
        var name = stage.ToString();
        var words = new StringBuilder(name.Length + 4).Append(name[0]);
        foreach (var c in name.AsSpan(1)) words.Append(char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString());
        return words.ToString();
    }

    private static string N(double? value) => value is { } v ? Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture) : "";

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
