using System.Globalization;
using System.Text;
using Workflow.Domain.Exports.Csv;

namespace Workflow.Domain.Exports.Reports;

/// <summary>
/// The code report as one tidy CSV (a row per table, code and column), which every spreadsheet and
/// statistics package can pivot back into the matrices: <c>table</c> is <c>by_site</c>,
/// <c>by_respondent_role</c>, <c>co_occurrence</c> (the group is the other code) or
/// <c>recordings</c> (verified recordings per site and per role, the matrices' denominators).
/// </summary>
public static class CodeReportCsv
{
    public static readonly IReadOnlyList<string> Header = ["table", "theme_id", "theme", "code_id", "code", "group_id", "group", "count"];

    public static string Write(CodeReport report)
    {
        var csv = new StringBuilder(CsvCell.Row(Header));
        void Add(string table, string? themeId, string? theme, string? codeId, string? code, string groupId, string group, int count) =>
            csv.Append(CsvCell.Row([table, themeId, theme, codeId, code, groupId, group, count.ToString(CultureInfo.InvariantCulture)]));

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
        return csv.ToString();
    }
}
