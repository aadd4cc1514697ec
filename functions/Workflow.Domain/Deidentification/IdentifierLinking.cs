namespace Workflow.Domain.Deidentification;

/// <summary>
/// A lead says several ways of naming someone or something are one entity ("Kev", "Kevin", "Big Dave"
/// = "Dave Pickering"). Pure: works out the identifier list that says so, and which pseudonym the
/// entity keeps. Listed identifiers the texts already belong to are merged into the first of them (its
/// id, hence its label, is kept; the others' surfaces become its aliases); texts on no list entry
/// become a new entry. An entity found only by detectors had a label of its own per spelling: the
/// linked entity takes the label of the first text that has one, so the lead's first name for it
/// keeps its pseudonym.
/// </summary>
public static class IdentifierLinking
{
    public const int MaxTexts = 20;

    /// <summary>The outcome: the new list (null when it already says this), the entry that holds the entity, or why it cannot be linked.</summary>
    public sealed record Result(StudyIdentifierList? List, StudyIdentifier? Entity, IReadOnlyList<StudyIdentifier> Absorbed, string? Problem);

    /// <summary>The problems with a link request (empty when it may be applied).</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<string?>? texts)
    {
        if (texts is null || texts.Count < 2) return ["texts must give at least two ways of naming the same entity."];
        var errors = new List<string>();
        if (texts.Count > MaxTexts) errors.Add($"At most {MaxTexts} texts per link.");
        for (var i = 0; i < texts.Count; i++)
            if (string.IsNullOrWhiteSpace(texts[i]) || texts[i]!.Trim().Length > 100 || texts[i]!.Any(char.IsControl))
                errors.Add($"texts[{i}] must be 1-100 characters on one line.");
        if (errors.Count == 0 && texts.Select(t => PseudonymRegistry.Normalize(t!)).Distinct(StringComparer.Ordinal).Count() < 2)
            errors.Add("texts must differ (case and spacing are ignored).");
        return errors;
    }

    /// <summary>Links <paramref name="texts"/> (already validated) as one entity of <paramref name="kind"/> in version <paramref name="version"/>.</summary>
    public static Result Link(StudyIdentifierList list, IReadOnlyList<string> texts, IdentifierKind kind, int version)
    {
        var wanted = texts.Select(t => t.Trim()).DistinctBy(PseudonymRegistry.Normalize).ToList();
        var keys = wanted.Select(PseudonymRegistry.Normalize).ToHashSet(StringComparer.Ordinal);
        bool Matches(StudyIdentifier i) => i.Surfaces.Any(s => keys.Contains(PseudonymRegistry.Normalize(s)));

        if (list.Identifiers.FirstOrDefault(i => i.Kind != kind && Matches(i)) is { } other)
            return new Result(null, null, [], $"'{Shown(other, keys)}' is on the study's list as {other.Kind}, not {kind}; change its kind on the list first.");
        var matched = list.Identifiers.Where(i => i.Kind == kind && Matches(i)).ToList();
        var keeper = matched.FirstOrDefault() ?? new StudyIdentifier(StudyIdentifier.StableIdFor(kind, wanted[0]), wanted[0], kind, []);
        var absorbed = matched.Skip(1).ToList();

        var known = keeper.Surfaces.Select(PseudonymRegistry.Normalize).ToHashSet(StringComparer.Ordinal);
        var aliases = keeper.Aliases.ToList();
        foreach (var surface in absorbed.SelectMany(a => a.Surfaces).Concat(wanted))
            if (known.Add(PseudonymRegistry.Normalize(surface))) aliases.Add(surface);
        var entity = keeper with { Aliases = aliases };
        if (matched.Count == 1 && absorbed.Count == 0 && aliases.Count == keeper.Aliases.Count)
            return new Result(null, entity, [], null);

        var identifiers = list.Identifiers.Where(i => !absorbed.Contains(i)).Select(i => i == keeper ? entity : i).ToList();
        if (matched.Count == 0) identifiers.Add(entity);
        var linked = list with
        {
            Version = version,
            Identifiers = identifiers,
            NotIdentifying = list.NotIdentifying.Where(n => !known.Contains(n)).ToList(),
        };
        return new Result(linked, entity, absorbed, null);
    }

    /// <summary>
    /// The registry keys, in order of preference, whose label the linked entity keeps: its own entry's,
    /// then each absorbed entry's, then each text as a detector would key it.
    /// </summary>
    public static IReadOnlyList<string> LabelSources(Result result, IReadOnlyList<string> texts) =>
        [.. new[] { result.Entity! }.Concat(result.Absorbed).Select(EntityKeyOf), .. texts.Select(t => t.Trim())];

    /// <summary>How the study list's matches key a listed entity in the pseudonym registry.</summary>
    public static string EntityKeyOf(StudyIdentifier identifier) => "id:" + identifier.Id;

    private static string Shown(StudyIdentifier identifier, HashSet<string> keys) =>
        identifier.Surfaces.First(s => keys.Contains(PseudonymRegistry.Normalize(s)));
}
