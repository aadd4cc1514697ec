using System.Globalization;
using System.Text;

namespace Workflow.Engines.Local.Coding;

/// <summary>
/// Splits text into <see cref="Token"/>s in one pass. Anything in square brackets is skipped: that
/// covers pseudonym labels such as <c>[PERSON_3]</c>, which must never count as evidence for a code
/// (they would otherwise match "person"), and transcription marks such as <c>[laughs]</c>.
/// </summary>
internal static class TextTokenizer
{
    // Longest bracketed run treated as a label; a stray '[' further from its ']' is just punctuation.
    private const int MaxLabelLength = 40;

    /// <summary>The words of <paramref name="text"/>, in order.</summary>
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 5);
        var word = new StringBuilder(24);
        var breakPending = true;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '[' && LabelEnd(text, i) is var close and > 0)
            {
                i = close + 1;
                breakPending = true;
                continue;
            }

            if (!char.IsLetterOrDigit(c))
            {
                if (IsPhraseBreak(c)) breakPending = true;
                i++;
                continue;
            }

            var start = i;
            var allCaps = true;
            word.Clear();
            while (i < text.Length)
            {
                var ch = text[i];
                if (char.IsLetterOrDigit(ch))
                {
                    if (char.IsLower(ch)) allCaps = false;
                    word.Append(Fold(ch));
                    i++;
                }
                else if (IsApostrophe(ch) && i + 1 < text.Length && char.IsLetter(text[i + 1]) && i > start)
                {
                    i++; // don't, it's, nobody's: the apostrophe is dropped from the key
                }
                else break;
            }

            tokens.Add(new Token(start, i, WordStemmer.Stem(word.ToString()), allCaps && char.IsLetter(text[start]), breakPending));
            breakPending = false;
        }
        return tokens;
    }

    private static int LabelEnd(string text, int open)
    {
        var limit = Math.Min(text.Length, open + MaxLabelLength);
        for (var j = open + 1; j < limit; j++)
        {
            if (text[j] == ']') return j;
            if (text[j] is '[' or '\n') return -1;
        }
        return -1;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC';

    private static bool IsPhraseBreak(char c) =>
        c is '.' or ',' or ';' or ':' or '!' or '?' or '(' or ')' or '"' or '\u201C' or '\u201D' or '\u2014' or '\u2013' or '\n';

    /// <summary>Lower case without accents, so "crèche" and "creche" match.</summary>
    private static char Fold(char c)
    {
        if (c < 128) return char.ToLowerInvariant(c);
        var lower = char.ToLowerInvariant(c);
        var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
        return decomposed.Length > 0 && CharUnicodeInfo.GetUnicodeCategory(decomposed[0]) != UnicodeCategory.NonSpacingMark
            ? decomposed[0]
            : lower;
    }
}
