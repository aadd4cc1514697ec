namespace Workflow.Domain.Coding;

/// <summary>One version of a study's codebook as a lead reviews it: its size and what it changed.</summary>
public sealed record CodebookVersionSummary(
    int Version,
    string Name,
    DateTimeOffset CreatedAt,
    int Themes,
    int Codes,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Removed,
    IReadOnlyList<string> Changed);

/// <summary>
/// The history of a study's codebook, newest first: for each version, the codes (and themes) it added,
/// removed or changed from the version before, judged as <see cref="CodebookChanges"/> judges them
/// (anything a coder or an engine reads). The first version adds everything.
/// </summary>
public static class CodebookHistory
{
    public static IReadOnlyList<CodebookVersionSummary> Summarize(IEnumerable<Codebook> versions)
    {
        var ordered = versions.OrderBy(v => v.Version).ToList();
        var summaries = new List<CodebookVersionSummary>(ordered.Count);
        Codebook? previous = null;
        foreach (var codebook in ordered)
        {
            var ids = codebook.Codes.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            var before = previous?.Codes.Select(c => c.Id).ToHashSet(StringComparer.Ordinal) ?? [];
            var differing = previous is null ? ids : CodebookChanges.Between(previous, codebook);
            summaries.Add(new CodebookVersionSummary(
                codebook.Version, codebook.Name, codebook.CreatedAt,
                codebook.Codes.Count(c => !c.IsApplicable), codebook.ApplicableCodes.Count(),
                Sorted(ids.Where(id => !before.Contains(id))),
                Sorted(before.Where(id => !ids.Contains(id))),
                Sorted(differing.Where(id => ids.Contains(id) && before.Contains(id)))));
            previous = codebook;
        }
        summaries.Reverse();
        return summaries;
    }

    private static List<string> Sorted(IEnumerable<string> ids) => [.. ids.Order(StringComparer.Ordinal)];
}
