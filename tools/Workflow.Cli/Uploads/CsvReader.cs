using System.Text;

namespace Workflow.Cli.Uploads;

/// <summary>
/// Splits CSV text into records (RFC 4180: quoted fields may hold commas, quotes doubled, and line
/// breaks). Spreadsheets save metadata sheets this way, so a note with a comma must not shift columns.
/// </summary>
internal static class CsvReader
{
    /// <summary>The records with the line each starts on (1-based), skipping blank lines.</summary>
    public static IReadOnlyList<(int Line, IReadOnlyList<string> Fields)> Read(string text)
    {
        var records = new List<(int, IReadOnlyList<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var (line, startLine, quoted, fieldStarted) = (1, 1, false, false);
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..]; // Excel writes a byte-order mark.

        void EndRecord()
        {
            fields.Add(field.ToString());
            field.Clear();
            if (fields.Count > 1 || fields[0].Length > 0 || fieldStarted) records.Add((startLine, fields.ToArray()));
            fields.Clear();
            fieldStarted = false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    fieldStarted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    line++;
                    startLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }
        if (quoted) throw new FormatException($"line {startLine}: a quoted field is not closed.");
        if (field.Length > 0 || fields.Count > 0 || fieldStarted) EndRecord();
        return records;
    }
}
