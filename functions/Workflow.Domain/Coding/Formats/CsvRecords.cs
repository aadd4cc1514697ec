using System.Text;

namespace Workflow.Domain.Coding.Formats;

/// <summary>
/// Splits RFC 4180 text into records of cells: comma-separated, a cell in double quotes may hold commas,
/// line breaks and doubled quotes. CRLF, LF and CR all end a record, since spreadsheets and editors differ.
/// Malformed quoting is a <see cref="CodebookFormatException"/> naming the row (the header is row 1).
/// </summary>
public static class CsvRecords
{
    public static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var cell = new StringBuilder();
        var i = 0;
        var cellStarted = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (!cellStarted && c == '"')
            {
                i = ReadQuoted(text, i + 1, cell, records.Count + 1);
                cellStarted = true;
                if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    throw new CodebookFormatException($"Row {records.Count + 1}: text follows a closing quote; a quoted cell must end at a comma or the end of the line.", $"row {records.Count + 1}");
                continue;
            }
            if (c == ',') { record.Add(cell.ToString()); cell.Clear(); cellStarted = false; i++; continue; }
            if (c is '\r' or '\n')
            {
                record.Add(cell.ToString()); cell.Clear(); cellStarted = false;
                records.Add(record); record = [];
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                continue;
            }
            cell.Append(c);
            cellStarted = true;
            i++;
        }
        if (cellStarted || record.Count > 0) { record.Add(cell.ToString()); records.Add(record); }
        return records;
    }

    /// <summary>Reads a quoted cell's content from <paramref name="i"/> (just past the opening quote); returns the index after the closing quote.</summary>
    private static int ReadQuoted(string text, int i, StringBuilder cell, int row)
    {
        while (i < text.Length)
        {
            if (text[i] != '"') { cell.Append(text[i++]); continue; }
            if (i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i += 2; continue; }
            return i + 1;
        }
        throw new CodebookFormatException($"Row {row}: a quoted cell is never closed (a '\"' is missing).", $"row {row}");
    }
}
