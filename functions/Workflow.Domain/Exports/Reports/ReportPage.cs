using System.Net;
using System.Text;

namespace Workflow.Domain.Exports.Reports;

/// <summary>The start every report page shares: one self-contained document with inline CSS, its title encoded.</summary>
internal static class ReportPage
{
    public static StringBuilder Start(string title)
    {
        var encoded = WebUtility.HtmlEncode(title);
        return new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<title>").Append(encoded).Append("</title>")
            .Append("<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
            .Append("th,td{border:1px solid #bbb;padding:3px 8px}td.n{text-align:right}tr.theme th{background:#eee;text-align:left}")
            .Append("caption{text-align:left;font-weight:bold;padding:4px 0}</style></head><body>\n")
            .Append("<h1>").Append(encoded).Append("</h1>\n");
    }
}
