namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// A word in a text: letters and digits with inner apostrophes ("don't" is one word, so a person
/// called Don is not found inside it). <see cref="CoreEnd"/> excludes a possessive 's, which policy
/// keeps outside identifier spans.
/// </summary>
internal readonly record struct WordToken(int Start, int End, int CoreEnd)
{
    public bool HasPossessive => CoreEnd < End;

    /// <summary>The words of <paramref name="text"/> in order.</summary>
    public static List<WordToken> Split(string text)
    {
        var tokens = new List<WordToken>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i])) { i++; continue; }
            var start = i;
            while (i < text.Length && (IsWordChar(text[i]) || (IsApostrophe(text[i]) && i + 1 < text.Length && IsWordChar(text[i + 1]) && i > start)))
                i++;
            var coreEnd = i - start > 2 && IsApostrophe(text[i - 2]) && (text[i - 1] is 's' or 'S') ? i - 2 : i;
            tokens.Add(new WordToken(start, i, coreEnd));
        }
        return tokens;
    }

    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark;

    private static bool IsApostrophe(char c) => c is '\'' or '’';
}
