using System.Text;

namespace Workflow.Domain.Tests.Exports;

/// <summary>A strict RFC 4180 reader for checking what the writers produce (CRLF records, quoted fields).</summary>
internal static class CsvReader
{
    public static List<List<string>> Parse(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var i = 0;
        while (i < csv.Length)
        {
            if (csv[i] == '"')
            {
                i++;
                while (true)
                {
                    if (csv[i] == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { cell.Append('"'); i += 2; }
                    else if (csv[i] == '"') { i++; break; }
                    else cell.Append(csv[i++]);
                }
            }
            else if (csv[i] == ',') { row.Add(cell.ToString()); cell.Clear(); i++; }
            else if (csv[i] == '\r' && csv[i + 1] == '\n') { row.Add(cell.ToString()); cell.Clear(); rows.Add(row); row = []; i += 2; }
            else if (csv[i] is '\r' or '\n') throw new FormatException($"A bare line break at {i} outside quotes.");
            else cell.Append(csv[i++]);
        }
        if (cell.Length > 0 || row.Count > 0) throw new FormatException("The last record does not end with CRLF.");
        return rows;
    }
}
