using System.Globalization;
using System.Text;
using Workflow.Domain.Exports.Csv;

namespace Workflow.Domain.Coding.Formats;

/// <summary>
/// The codebook as CSV: a header row, then one row per theme or code, with the columns
/// <see cref="Columns"/> (in any order when read; names ignore case, '_' and '-'). Examples and
/// keywords are lists in one cell (<see cref="CodebookListCell"/>). A CSV has no codebook name, so
/// the reader is given one. As with JSON, only the shape is checked here; <see cref="CodebookValidator"/>
/// judges the content.
/// </summary>
public static class CodebookCsv
{
    public static readonly IReadOnlyList<string> Columns =
        ["id", "parent", "level", "name", "definition", "inclusion", "exclusion", "examples", "keywords", "color"];

    private static readonly string[] Required = ["id", "parent", "level", "name", "definition"];

    public static string Write(Codebook codebook)
    {
        var csv = new StringBuilder(CsvCell.Row(Columns));
        foreach (var e in codebook.Codes)
            csv.Append(CsvCell.Row(new[]
            {
                e.Id, e.Parent, e.Level.ToString(CultureInfo.InvariantCulture), e.Name, e.Definition, e.InclusionCriteria,
                e.ExclusionCriteria, CodebookListCell.Join(e.Examples), CodebookListCell.Join(e.Keywords), e.Color,
            }.Select(KeepApostrophe)));
        return csv.ToString();
    }

    /// <summary>
    /// CsvCell guards formula-like cells with a leading apostrophe, which the reader removes again; a value that
    /// itself starts with an apostrophe before such a character gets a second one, so that removal is exact.
    /// </summary>
    private static string? KeepApostrophe(string? value) => value is ['\'', var next, ..] && IsGuarded(next) ? "'" + value : value;

    private static bool IsGuarded(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r' or '\'';

    public static CodebookDraft Read(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = CsvRecords.Parse(text.TrimStart('\uFEFF'));
        if (records.Count == 0 || records[0].All(string.IsNullOrWhiteSpace)) throw new CodebookFormatException("The CSV is empty; its first row must name the columns.", "row 1");

        var header = records[0].Select(Normalize).ToList();
        var known = Columns.ToDictionary(Normalize, c => c);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var column = Alias(header[i]);
            if (!known.TryGetValue(column, out var canonical))
                throw new CodebookFormatException($"Row 1, column {i + 1}: '{records[0][i].Trim()}' is not a codebook column; use {string.Join(", ", Columns)}.", "row 1");
            if (!index.TryAdd(canonical, i)) throw new CodebookFormatException($"Row 1: column '{canonical}' appears twice.", "row 1");
        }
        var missing = Required.Where(c => !index.ContainsKey(c)).ToList();
        if (missing.Count > 0) throw new CodebookFormatException($"Row 1: the required column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => $"'{m}'"))} {(missing.Count > 1 ? "are" : "is")} missing.", "row 1");

        var entries = new List<CodebookEntry>();
        for (var r = 1; r < records.Count; r++)
        {
            var cells = records[r];
            if (cells.All(string.IsNullOrWhiteSpace)) continue; // blank lines spreadsheets leave at the end
            var row = r + 1;
            if (cells.Count != header.Count)
                throw new CodebookFormatException($"Row {row} has {cells.Count} cells; the header has {header.Count}.", $"row {row}");
            string? Cell(string column) =>
                index.TryGetValue(column, out var at) && Unguard(cells[at].Trim()) is { Length: > 0 } value ? value : null;
            entries.Add(new CodebookEntry(Cell("id") ?? "", Cell("parent"), Level(Cell("level"), row), Cell("name") ?? "", Cell("definition") ?? "",
                Cell("inclusion"), Cell("exclusion"), CodebookListCell.Split(Cell("examples")), CodebookListCell.Split(Cell("keywords")), Cell("color")));
        }
        return new CodebookDraft(name, entries);
    }

    private static int Level(string? cell, int row) => cell?.ToLowerInvariant() switch
    {
        "1" or "theme" => 1,
        "2" or "code" => 2,
        null => throw new CodebookFormatException($"Row {row}, column 'level': the level is empty; use 1 (theme) or 2 (code).", $"row {row}"),
        _ => throw new CodebookFormatException($"Row {row}, column 'level': '{Shorten(cell)}' is not a level; use 1 (theme) or 2 (code).", $"row {row}"),
    };

    private static string Unguard(string value) => value is ['\'', var next, ..] && IsGuarded(next) ? value[1..] : value;

    private static string Shorten(string value) => value.Length <= 20 ? value : value[..20] + "…";

    private static string Normalize(string column) =>
        string.Concat(column.Trim().Where(c => c is not ('_' or '-' or ' '))).ToLowerInvariant();

    /// <summary>The JSON field names work as headers too, and the British spelling of colour.</summary>
    private static string Alias(string column) => column switch
    {
        "inclusioncriteria" => "inclusion",
        "exclusioncriteria" => "exclusion",
        "colour" => "color",
        _ => column,
    };
}
