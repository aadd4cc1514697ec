using Workflow.Domain.Coding;

namespace Workflow.Engines.Azure.OpenAI;

/// <summary>
/// Finds a model's quotation in the segment text. The only normalisation, applied to both sides, is of
/// whitespace (any run, including line breaks, counts as one space; ends are trimmed) and quote
/// characters (curly single and double quotes count as straight ones): models retype those. Letters,
/// case, punctuation and labels must match exactly, so a paraphrase is never taken for evidence.
/// </summary>
internal static class EvidenceLocator
{
    /// <summary>The span of <paramref name="quote"/> in <paramref name="text"/> (offsets into the original text), or null.</summary>
    public static EvidenceSpan? Find(string text, string quote)
    {
        var (normalizedQuote, _) = Normalize(quote);
        if (normalizedQuote.Length == 0) return null;
        var (normalizedText, origin) = Normalize(text);
        var at = normalizedText.IndexOf(normalizedQuote, StringComparison.Ordinal);
        if (at < 0) return null;
        var start = origin[at];
        var end = origin[at + normalizedQuote.Length - 1] + 1;
        return new EvidenceSpan(start, end, text[start..end]);
    }

    /// <summary>The normalised text and, for each of its characters, the index of the original character it came from.</summary>
    internal static (string Text, int[] Origin) Normalize(string value)
    {
        var chars = new List<char>(value.Length);
        var origin = new List<int>(value.Length);
        var pendingSpace = -1;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsWhiteSpace(c))
            {
                if (pendingSpace < 0) pendingSpace = i;
                continue;
            }
            if (pendingSpace >= 0 && chars.Count > 0)
            {
                chars.Add(' ');
                origin.Add(pendingSpace);
            }
            pendingSpace = -1;
            chars.Add(c switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' => '"',
                _ => c,
            });
            origin.Add(i);
        }
        return (new string([.. chars]), [.. origin]);
    }
}
