using System.Globalization;
using System.Text;

namespace Workflow.Engines.Local.Coding;

/// <summary>
/// Splits text into <see cref="Token"/>s in one pass. Pseudonym labels never count as evidence for a
/// code (they would otherwise match "person" or "organization"): anything in square brackets is
/// skipped, which covers the de-identification stage's labels such as <c>[PERSON_3]</c> or
/// <c>[NHS_NUMBER_1]</c> and transcription marks such as <c>[laughs]</c>; so is a label that lost its
/// brackets on the way through another tool (<c>PERSON_3</c>), and the possessive after a label
/// (<c>[PERSON_3]'s</c>).
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
        var punctuationPending = true;
        var sentencePending = true;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '[' && LabelEnd(text, i) is var close and > 0)
            {
                i = SkipPossessive(text, close + 1);
                breakPending = true;
                continue;
            }

            if (!char.IsLetterOrDigit(c))
            {
                if (IsPhraseBreak(c)) breakPending = punctuationPending = true;
                if (c is '.' or '!' or '?' or '\n') sentencePending = true;
                i++;
                continue;
            }

            if (BareLabelEnd(text, i) is var bare and > 0)
            {
                i = SkipPossessive(text, bare);
                breakPending = true;
                continue;
            }

            var start = i;
            var allCaps = true;
            var hasLower = false;
            word.Clear();
            while (i < text.Length)
            {
                var ch = text[i];
                if (char.IsLetterOrDigit(ch))
                {
                    if (char.IsLower(ch)) allCaps = false;
                    if (char.IsLower(ch) && i > start) hasLower = true;
                    word.Append(Fold(ch));
                    i++;
                }
                else if (IsApostrophe(ch) && i + 1 < text.Length && char.IsLetter(text[i + 1]) && i > start)
                {
                    i++; // don't, it's, nobody's: the apostrophe is dropped from the key
                }
                else break;
            }

            var folded = word.ToString();
            tokens.Add(new Token(start, i, WordStemmer.Stem(folded), allCaps && char.IsLetter(text[start]), breakPending)
            {
                Word = folded,
                PunctuationBefore = punctuationPending,
                SentenceStart = sentencePending,
                TitleCase = char.IsUpper(text[start]) && hasLower,
                Common = CommonWords.Contains(folded),
            });
            breakPending = punctuationPending = sentencePending = false;
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

    /// <summary>
    /// End of a label without its brackets at <paramref name="at"/> (the shape the pseudonym registry
    /// gives: capitals and underscores, then "_" and a number, as in PERSON_3 or NHS_NUMBER_12), or -1.
    /// </summary>
    private static int BareLabelEnd(string text, int at)
    {
        if (at > 0 && (char.IsLetterOrDigit(text[at - 1]) || text[at - 1] == '_')) return -1;
        var j = at;
        while (j < text.Length && (char.IsAsciiLetterUpper(text[j]) || text[j] == '_')) j++;
        if (j - at < 3 || text[j - 1] != '_' || j >= text.Length || !char.IsAsciiDigit(text[j])) return -1;
        while (j < text.Length && char.IsAsciiDigit(text[j])) j++;
        return j < text.Length && (char.IsLetter(text[j]) || text[j] == '_') ? -1 : j;
    }

    /// <summary>Past the "'s" of "[PERSON_3]'s", which would otherwise be a word of its own.</summary>
    private static int SkipPossessive(string text, int at) =>
        at + 1 < text.Length && IsApostrophe(text[at]) && text[at + 1] is 's' or 'S' && (at + 2 == text.Length || !char.IsLetterOrDigit(text[at + 2]))
            ? at + 2
            : at;

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
