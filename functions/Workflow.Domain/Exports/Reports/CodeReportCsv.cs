using System.Globalization;
using System.Text;
using Workflow.Domain.Coding;
using Workflow.Domain.Exports.Csv;

namespace Workflow.Domain.Exports.Reports;

/// <summary>
/// The code report as one tidy CSV (a row per table, code and column), which every spreadsheet and
/// statistics package can pivot back into the matrices: <c>table</c> is <c>by_site</c>,
/// <c>by_respondent_role</c>, <c>co_occurrence</c> (the group is the other code) or
/// <c>recordings</c> (verified recordings per site and per role, the matrices' denominators) or
/// <c>agreement</c> (coders against the engine, when present: the group is the statistic; table cells
/// are in <c>count</c>, coefficients in <c>value</c> with the segments compared in <c>count</c>, and an
/// undefined coefficient is empty; the pooled row has no code id). <c>value</c> is empty elsewhere.
/// </summary>
public static class CodeReportCsv
{
    public static readonly IReadOnlyList<string> Header = ["table", "theme_id", "theme", "code_id", "code", "group_id", "group", "count", "value"];

    public static string Write(CodeReport report)
    {
        var csv = new StringBuilder(CsvCell.Row(Header));
        void Add(string table, string? themeId, string? theme, string? codeId, string? code, string groupId, string group, int count, double? value = null) =>
            csv.Append(CsvCell.Row([table, themeId, theme, codeId, code, groupId, group, count.ToString(CultureInfo.InvariantCulture),
                value?.ToString("0.####", CultureInfo.InvariantCulture)]));

        foreach (var site in report.Sites) Add("recordings", null, null, null, null, site.Id, site.Name, site.Recordings);
        foreach (var role in report.Roles) Add("recordings", null, null, null, null, role.Id, role.Name, role.Recordings);
        foreach (var row in report.Codes)
        {
            for (var i = 0; i < report.Sites.Count; i++)
                Add("by_site", row.ThemeId, row.Theme, row.CodeId, row.Code, report.Sites[i].Id, report.Sites[i].Name, row.BySite[i]);
            Add("by_site", row.ThemeId, row.Theme, row.CodeId, row.Code, "total", "Total", row.Total);
        }
        foreach (var row in report.Codes)
            for (var i = 0; i < report.Roles.Count; i++)
                Add("by_respondent_role", row.ThemeId, row.Theme, row.CodeId, row.Code, report.Roles[i].Id, report.Roles[i].Name, row.ByRole[i]);
        var themes = report.Codes.ToDictionary(c => c.CodeId, c => (c.ThemeId, c.Theme));
        foreach (var pair in report.CoOccurrences)
            Add("co_occurrence", themes[pair.CodeA].ThemeId, themes[pair.CodeA].Theme, pair.CodeA, pair.NameA, pair.CodeB, pair.NameB, pair.Segments);
        if (report.Agreement is { } agreement)
        {
            foreach (var row in agreement.Codes)
            {
                var (themeId, theme) = themes.GetValueOrDefault(row.CodeId, ("", ""));
                AgreementRows((statistic, label, count, value) => Add("agreement", themeId, theme, row.CodeId, row.Code, statistic, label, count, value), row.Counts);
            }
            AgreementRows((statistic, label, count, value) => Add("agreement", null, null, null, "All codes (pooled)", statistic, label, count, value), agreement.Pooled);
        }
        return csv.ToString();
    }

    private static void AgreementRows(Action<string, string, int, double?> add, AgreementCounts c)
    {
        add("both_applied", "Both applied", c.TruePositives, null);
        add("coders_only", "Coders only", c.FalseNegatives, null);
        add("engine_only", "Engine only", c.FalsePositives, null);
        add("neither", "Neither", c.TrueNegatives, null);
        add("percent_agreement", "Agreement", c.Total, c.ObservedAgreement);
        add("cohen_kappa", "Cohen's kappa", c.Total, c.Kappa);
        add("krippendorff_alpha", "Krippendorff's alpha", c.Total, c.Alpha);
        add("gwet_ac1", "Gwet's AC1", c.Total, c.Ac1);
    }
}
