namespace Workflow.Domain.Exports.Csv;

/// <summary>
/// One CSV cell, RFC 4180 quoted (quotes doubled; quoted when it holds a comma, quote, CR or LF), and
/// guarded against formula injection: a spreadsheet runs a cell that starts with = + - @ (or a tab or
/// CR, which some skip first) as a formula, and transcripts are free speech, so such cells get a
/// leading apostrophe, which spreadsheets show as text.
/// </summary>
public static class CsvCell
{
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    public static string Format(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny(NeedsQuotes) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>A record: cells joined by commas, ended with CRLF as RFC 4180 says.</summary>
    public static string Row(IEnumerable<string?> cells) => string.Join(",", cells.Select(Format)) + "\r\n";
}
