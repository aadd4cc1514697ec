namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// An utterance split once into <see cref="NameToken"/>s that every name and place detector shares,
/// with sentence starts marked (a capital there is no evidence of a name).
/// </summary>
internal sealed class NameText
{
    private static readonly string[] Clitics = ["s", "ll", "d", "ve", "re", "m"];

    // After these, a full stop ends an abbreviation or initial, not a sentence ("Mrs. Barbara", "St. Helens").
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "dr", "st", "prof", "rev", "sgt", "cllr", "mt", "jr", "sr", "fr", "apt", "nr", "vs", "etc",
    };

    private NameText(string text, List<NameToken> tokens)
    {
        Text = text;
        Tokens = tokens;
    }

    /// <summary>The original text.</summary>
    public string Text { get; }

    /// <summary>The words in order.</summary>
    public List<NameToken> Tokens { get; }

    /// <summary>The characters between token <paramref name="i"/> and the next one.</summary>
    public ReadOnlySpan<char> GapAfter(int i) =>
        i + 1 < Tokens.Count ? Text.AsSpan(Tokens[i].End, Tokens[i + 1].Start - Tokens[i].End) : Text.AsSpan(Tokens[i].End);

    /// <summary>The characters between the previous token and token <paramref name="i"/>.</summary>
    public ReadOnlySpan<char> GapBefore(int i) =>
        i > 0 ? Text.AsSpan(Tokens[i - 1].End, Tokens[i].Start - Tokens[i - 1].End) : Text.AsSpan(0, Tokens[i].Start);

    /// <summary>True when only spaces (no punctuation) separate token <paramref name="i"/> from the next.</summary>
    public bool JoinedToNext(int i)
    {
        if (i + 1 >= Tokens.Count) return false;
        foreach (var c in GapAfter(i))
            if (c is not (' ' or '\t' or '\u00A0' or '.' or '-')) return false;
        return true;
    }

    /// <summary>Like <see cref="JoinedToNext"/>, also across an apostrophe ("Magistrates' Court").</summary>
    public bool JoinedToNextAllowingApostrophe(int i)
    {
        if (i + 1 >= Tokens.Count) return false;
        foreach (var c in GapAfter(i))
            if (c is not (' ' or '\t' or '\u00A0' or '.' or '-' or '\'' or '’')) return false;
        return true;
    }

    /// <summary>The key of token <paramref name="i"/>, or "" outside the text.</summary>
    public string KeyAt(int i) => i >= 0 && i < Tokens.Count ? Tokens[i].Key : "";

    /// <summary>Splits <paramref name="text"/> into words.</summary>
    public static NameText Analyze(string text)
    {
        var tokens = new List<NameToken>();
        var i = 0;
        var previousEnd = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!TextFolding.IsWordCharAt(text, i) && !(TextFolding.IsInvisible(c) && i + 1 < text.Length && TextFolding.IsWordCharAt(text, i + 1)))
            {
                i++;
                continue;
            }
            var start = i;
            var apostrophe = -1;
            while (i < text.Length)
            {
                var ch = text[i];
                if (TextFolding.IsWordCharAt(text, i)) { i++; continue; }
                // Invisible characters inside a word are part of it ("Da\u200Bve").
                if (TextFolding.IsInvisible(ch) && i + 1 < text.Length && TextFolding.IsWordCharAt(text, i + 1)) { i++; continue; }
                if (TextFolding.IsApostrophe(ch) && i > start && i + 1 < text.Length && TextFolding.IsWordCharAt(text, i + 1)) { apostrophe = i; i++; continue; }
                break;
            }
            // Invisible characters right after a word go with it, so a redaction leaves none behind.
            while (i < text.Length && TextFolding.IsInvisible(text[i])) i++;
            var end = i;
            var coreEnd = end;
            if (apostrophe > start)
            {
                var tail = TextFolding.Fold(text.AsSpan(apostrophe + 1, end - apostrophe - 1));
                if (Array.IndexOf(Clitics, tail) >= 0) coreEnd = apostrophe;
            }
            var key = TextFolding.Fold(text.AsSpan(start, coreEnd - start));
            var full = coreEnd == end ? key : TextFolding.Fold(text.AsSpan(start, end - start));
            var shape = TextFolding.ShapeOf(text.AsSpan(start, coreEnd - start));
            var sentenceStart = tokens.Count == 0 || EndsSentence(text.AsSpan(previousEnd, start - previousEnd), tokens[^1]);
            tokens.Add(new NameToken(start, end, coreEnd, key, full, shape, sentenceStart));
            previousEnd = end;
        }
        return new NameText(text, tokens);
    }

    private static bool EndsSentence(ReadOnlySpan<char> gap, NameToken previous)
    {
        foreach (var c in gap)
        {
            switch (c)
            {
                case '!' or '?' or '…' or ':' or ';' or '\n' or ']' or '"' or '“' or '(':
                    return true;
                case '.':
                    // "Mrs. Barbara", "M. Szász": an abbreviation or initial, not the end of a sentence.
                    if (Abbreviations.Contains(previous.Key) || previous.Key.Length == 1) continue;
                    return true;
            }
        }
        return false;
    }
}
