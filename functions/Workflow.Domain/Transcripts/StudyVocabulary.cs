using Workflow.Domain.Coding;
using Workflow.Domain.Deidentification;

namespace Workflow.Domain.Transcripts;

/// <summary>
/// The words a recogniser should know for one study: the spoken names on its identifier list (people,
/// places, services and their aliases, so they can be recognised and then de-identified) and the
/// codebook's code names and keywords (the study's own jargon). Numbers, addresses and other written
/// identifiers are left out: they are spoken as ordinary words. Identifiable: see <see cref="Ports.TranscriptionRequest"/>.
/// </summary>
public static class StudyVocabulary
{
    /// <summary>Most terms taken from one study, so a huge list cannot blow up the recogniser's dictionary.</summary>
    public const int MaxTerms = 5_000;

    private const int MaxTermLength = 80;

    /// <summary>Distinct terms (case-insensitive, first spelling kept), names first, each trimmed and bounded.</summary>
    public static IReadOnlyList<string> From(StudyIdentifierList? identifiers, Codebook? codebook)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var terms = new List<string>();
        void Add(string? term)
        {
            if (terms.Count >= MaxTerms || string.IsNullOrWhiteSpace(term)) return;
            var trimmed = string.Join(' ', term.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (trimmed.Length is 0 or > MaxTermLength || !trimmed.Any(char.IsLetter)) return;
            if (seen.Add(trimmed)) terms.Add(trimmed);
        }

        foreach (var identifier in identifiers?.Identifiers ?? [])
        {
            if (!IsSpokenName(identifier.Kind)) continue;
            foreach (var surface in identifier.Surfaces) Add(surface);
        }
        foreach (var entry in codebook?.Codes ?? [])
        {
            Add(entry.Name);
            foreach (var keyword in entry.Keywords ?? []) Add(keyword);
        }
        return terms;
    }

    private static bool IsSpokenName(IdentifierKind kind) =>
        kind is IdentifierKind.Person or IdentifierKind.Location or IdentifierKind.Organization;
}
