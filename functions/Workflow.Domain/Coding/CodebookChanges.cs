namespace Workflow.Domain.Coding;

/// <summary>
/// Which codes differ between two codebook versions. A code counts as changed when anything a coder
/// or an engine judges it by differs: name, definition, criteria, examples, keywords or its theme. A
/// decision about a changed code was made against another meaning, so it cannot be carried over.
/// </summary>
public static class CodebookChanges
{
    /// <summary>Ids of codes added, removed or changed from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public static IReadOnlySet<string> Between(Codebook before, Codebook after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.Codes.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var code in after.Codes)
        {
            if (!old.Remove(code.Id, out var previous) || !SameMeaning(previous, code))
                changed.Add(code.Id);
        }
        changed.UnionWith(old.Keys);
        return changed;
    }

    private static bool SameMeaning(CodebookEntry a, CodebookEntry b) =>
        a.Level == b.Level
        && a.Parent == b.Parent
        && a.Name == b.Name
        && a.Definition == b.Definition
        && a.InclusionCriteria == b.InclusionCriteria
        && a.ExclusionCriteria == b.ExclusionCriteria
        && Same(a.Examples, b.Examples)
        && Same(a.Keywords, b.Keywords);

    private static bool Same(IReadOnlyList<string>? a, IReadOnlyList<string>? b) =>
        (a ?? []).SequenceEqual(b ?? [], StringComparer.Ordinal);
}
