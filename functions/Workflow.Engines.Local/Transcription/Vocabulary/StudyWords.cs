namespace Workflow.Engines.Local.Transcription.Vocabulary;

/// <summary>
/// Turns a study's terms ("Lorna Kerr", "St. Mungo's", "methadone script") into the single lowercase
/// words a PocketSphinx dictionary and language model hold: the recogniser emits one word at a time,
/// so a multi-word name is recognised word by word.
/// </summary>
internal static class StudyWords
{
    /// <summary>Longest word kept: sphinxbase reads class definitions in 512-byte lines.</summary>
    private const int MaxWordLength = 60;

    private static readonly char[] Separators = [' ', '\t', '-', '/', '&', '+', ',', ';', ':', '(', ')', '"', '.'];

    /// <summary>Distinct words of <paramref name="terms"/>, in first-seen order.</summary>
    public static IReadOnlyList<string> From(IEnumerable<string> terms)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var words = new List<string>();
        foreach (var term in terms)
        {
            foreach (var piece in term.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
            {
                var word = Normalise(piece);
                if (word is not null && seen.Add(word)) words.Add(word);
            }
        }
        return words;
    }

    /// <summary>
    /// Lowercase letters and inner apostrophes ("mungo's", "o'neill", as cmudict spells them); null for
    /// a piece that holds anything else (digits, symbols), since neither espeak-ng nor the dictionary
    /// would give it a dependable pronunciation.
    /// </summary>
    internal static string? Normalise(string piece)
    {
        var word = piece.Trim('\'', '\u2019').Replace('\u2019', '\'').ToLowerInvariant();
        if (word.Length is 0 or > MaxWordLength) return null;
        return word.All(c => char.IsLetter(c) || c == '\'') ? word : null;
    }
}
