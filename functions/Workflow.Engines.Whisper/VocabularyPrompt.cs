namespace Workflow.Engines.Whisper;

/// <summary>
/// Builds Whisper's initial prompt from the study vocabulary. Whisper continues the style and spelling
/// of the text it is prompted with, so listing the names and terms makes it spell them as the study
/// does. The prompt holds listed names: it lives in memory only and is never logged.
/// </summary>
internal static class VocabularyPrompt
{
    /// <summary>The terms joined with commas, distinct, in the given order, leaving out whole terms that would not fit in <paramref name="maxCharacters"/>; null when none is left.</summary>
    public static string? Build(IEnumerable<string> terms, int maxCharacters)
    {
        var kept = new List<string>();
        var length = 0;
        foreach (var term in terms.Select(t => string.Join(' ', t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
                     .Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var added = (kept.Count == 0 ? 0 : 2) + term.Length;
            if (length + added > maxCharacters) continue;
            kept.Add(term);
            length += added;
        }
        return kept.Count == 0 ? null : string.Join(", ", kept);
    }
}
