namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// Multi-word names of generic or national bodies and ordinary capitalised phrases that policy leaves
/// unlabelled ("the Home Office", "Narcotics Anonymous", "the Old Bill", "the Crown Court"), as folded word
/// sequences. Detectors that accept capitalised phrases consult it so these stay in the text.
/// </summary>
internal static class GenericBodies
{
    private static readonly HashSet<string> Phrases = new(StringComparer.Ordinal)
    {
        "home office", "healthcare commission", "charity commission", "social services", "old bill", "narcotics anonymous",
        "cocaine anonymous", "alcoholics anonymous", "job centre", "jobcentre plus", "citizens advice", "crown court",
        "magistrates court", "drug action team", "primary care trust", "user group", "service user", "service users",
        "user involvement", "harm reduction", "national treatment agency", "care quality commission", "criminal justice",
        "drug intervention programme", "mental health", "class a", "civic centre", "town hall", "city council", "county council",
        "health authority", "department of health", "prison service", "probation service", "youth offending team", "big issue",
        "house of commons", "house of lords", "member of parliament", "prime minister", "new year", "bank holiday",
        "drug treatment", "drugs worker", "key worker", "christmas day", "boxing day", "easter sunday", "good friday",
    };

    /// <summary>True when tokens <paramref name="first"/>..<paramref name="last"/> spell a generic phrase.</summary>
    public static bool Matches(NameText text, int first, int last)
    {
        if (last - first > 4) return false;
        var key = string.Join(' ', text.Tokens.Skip(first).Take(last - first + 1).Select(t => t.Key));
        return Phrases.Contains(key);
    }
}
