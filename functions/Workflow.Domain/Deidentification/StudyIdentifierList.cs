namespace Workflow.Domain.Deidentification;

/// <summary>
/// The study's own list of identifiers, versioned so re-de-identification can tell what changed.
/// <see cref="NotIdentifying"/> holds words coders decided are not identifiers in this study (for
/// example a service's everyday name that a detector keeps flagging), normalised; detectors' findings
/// of them are dropped in later transcripts. The list itself always wins: a listed surface is redacted.
/// </summary>
public sealed record StudyIdentifierList(string StudyId, int Version, IReadOnlyList<StudyIdentifier> Identifiers)
{
    /// <summary>Normalised words (<see cref="PseudonymRegistry.Normalize"/>) coders marked as not identifying.</summary>
    public IReadOnlyList<string> NotIdentifying { get; init; } = [];

    /// <summary>An empty list for a study whose lead has entered nothing yet.</summary>
    public static StudyIdentifierList Empty(string studyId) => new(studyId, 0, []);

    /// <summary>True when <paramref name="text"/> was marked as not identifying in this study.</summary>
    public bool IsMarkedNotIdentifying(string text) =>
        NotIdentifying.Count > 0 && NotIdentifying.Contains(PseudonymRegistry.Normalize(text), StringComparer.Ordinal);

    /// <summary>The list with <paramref name="text"/> added as a new identifier of <paramref name="kind"/>; null when a surface already matches it.</summary>
    public StudyIdentifierList? WithIdentifier(string text, IdentifierKind kind, int version)
    {
        var normalized = PseudonymRegistry.Normalize(text);
        if (normalized.Length == 0 || Identifiers.Any(i => i.Surfaces.Any(s => PseudonymRegistry.Normalize(s) == normalized))) return null;
        var added = new StudyIdentifier(StudyIdentifier.StableIdFor(kind, text), text.Trim(), kind, []);
        return this with { Version = version, Identifiers = [.. Identifiers, added], NotIdentifying = NotIdentifying.Where(n => n != normalized).ToList() };
    }

    /// <summary>The list with <paramref name="text"/> marked as not identifying; null when it already is.</summary>
    public StudyIdentifierList? WithNotIdentifying(string text, int version)
    {
        var normalized = PseudonymRegistry.Normalize(text);
        if (normalized.Length == 0 || NotIdentifying.Contains(normalized, StringComparer.Ordinal)) return null;
        return this with { Version = version, NotIdentifying = [.. NotIdentifying, normalized] };
    }
}
