namespace Workflow.Domain.Coding.Formats;

/// <summary>
/// An entry's definition and criteria as one description, for analysis tools that hold a single text per
/// code (REFI-QDA's <c>Description</c>): the definition first, then labelled lines analysts can read and
/// this reader can take apart again. A line that starts with a label begins that field; lines after it
/// continue it. Text before the first label is the definition, so a tool's plain description is one.
/// </summary>
public static class CodeDescription
{
    public const string Include = "Include: ", Exclude = "Exclude: ", Examples = "Examples: ", Keywords = "Keywords: ", CodeId = "Code id: ";
    private static readonly string[] Labels = [Include, Exclude, Examples, Keywords, CodeId];

    public static string Compose(CodebookEntry entry)
    {
        var lines = new List<string> { entry.Definition };
        if (!string.IsNullOrWhiteSpace(entry.InclusionCriteria)) lines.Add(Include + entry.InclusionCriteria);
        if (!string.IsNullOrWhiteSpace(entry.ExclusionCriteria)) lines.Add(Exclude + entry.ExclusionCriteria);
        if (CodebookListCell.Join(entry.Examples) is { } examples) lines.Add(Examples + examples);
        if (CodebookListCell.Join(entry.Keywords) is { } keywords) lines.Add(Keywords + keywords);
        lines.Add(CodeId + entry.Id);
        return string.Join("\n", lines);
    }

    /// <summary>The parts of a description; absent labels give nulls.</summary>
    public static Parts Parse(string? description)
    {
        var fields = new Dictionary<string, List<string>> { [""] = [] };
        var current = "";
        foreach (var line in (description ?? "").ReplaceLineEndings("\n").Split('\n'))
        {
            if (Labels.FirstOrDefault(l => line.StartsWith(l, StringComparison.Ordinal)) is { } label)
            {
                current = label;
                fields[label] = [line[label.Length..]];
            }
            else fields[current].Add(line);
        }
        string? Field(string label) => fields.TryGetValue(label, out var lines) && string.Join("\n", lines).Trim() is { Length: > 0 } text ? text : null;
        return new Parts(Field("") ?? "", Field(Include), Field(Exclude), CodebookListCell.Split(Field(Examples)), CodebookListCell.Split(Field(Keywords)), Field(CodeId));
    }

    public sealed record Parts(string Definition, string? Inclusion, string? Exclusion, IReadOnlyList<string>? Examples, IReadOnlyList<string>? Keywords, string? CodeId);
}
