using System.Text;

namespace Workflow.Domain.Coding.Formats;

/// <summary>
/// Examples and keywords in one text cell (CSV) or description line (REFI-QDA): items separated by
/// <c>|</c>, which quotes and keywords rarely contain; a literal <c>|</c> or <c>\</c> inside an item is
/// written <c>\|</c> or <c>\\</c>, so any list survives the round trip. Items are trimmed, empty ones dropped.
/// </summary>
public static class CodebookListCell
{
    public const char Separator = '|';

    public static string? Join(IReadOnlyList<string>? items) =>
        items is null || items.Count == 0 ? null
            : string.Join(" | ", items.Select(i => i.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)));

    public static IReadOnlyList<string>? Split(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell)) return null;
        var items = new List<string>();
        var item = new StringBuilder();
        for (var i = 0; i < cell.Length; i++)
        {
            if (cell[i] == '\\' && i + 1 < cell.Length && cell[i + 1] is '\\' or Separator) item.Append(cell[++i]);
            else if (cell[i] == Separator) Flush();
            else item.Append(cell[i]);
        }
        Flush();
        return items.Count == 0 ? null : items;

        void Flush()
        {
            var text = item.ToString().Trim();
            if (text.Length > 0) items.Add(text);
            item.Clear();
        }
    }
}
