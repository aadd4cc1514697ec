namespace Workflow.Engines.Local.Coding;

/// <summary>
/// Fixed expressions of everyday English in which a word does not carry its own meaning: "of course"
/// is no course, "right now" and "that's right" no right, "at the time" and "every time" no time
/// (as in time to spare). A keyword inside one does not count (<see cref="CompiledCodebook"/> prefers
/// the longer match); a keyword that is the whole expression still does. They match the words as
/// written, not their stems, so "all rights" is not "all right". The list is general spoken English,
/// never drawn from a study's transcripts.
/// </summary>
internal static class Idioms
{
    private static readonly string[] Expressions =
    [
        // course, right
        "of course", "right now", "right away", "right then", "right there", "right here", "right back", "right through",
        "all right", "that's right", "you're right", "yeah right",
        // time, as an occasion or a moment rather than time to spare
        "at the time", "at times", "at the same time", "all the time", "most of the time", "half the time",
        "from time to time", "for the time being", "in time", "every time", "each time", "this time", "that time",
        "last time", "next time", "first time", "one time", "any time", "some time", "the whole time",
        // point, case, way, end, matter, sense
        "at one point", "at that point", "at some point", "the point is", "in case", "just in case", "in any case",
        "in that case", "by the way", "in a way", "no way", "either way", "in the end", "at the end of the day",
        "no matter", "as a matter of fact", "make sense", "makes sense", "made sense", "in a sense",
        // hedges and fillers
        "kind of", "sort of", "you know", "i mean", "as well", "at least", "in fact", "to be honest", "to be fair",
        "fair enough", "in terms of", "the thing is", "first of all", "at all", "in general", "in particular",
        "for example", "for instance", "i suppose", "i think", "i guess", "mind you", "never mind", "more or less",
        "and so on", "or something", "the other day", "the other week", "straight away", "on the other hand",
        "a lot", "a bit", "at the moment", "each other", "at first", "let alone", "good luck", "take care of yourself",
    ];

    private static readonly Dictionary<string, string[][]> ByFirstWord = Expressions
        .Select(e => TextTokenizer.Tokenize(e).Select(t => t.Word).ToArray())
        .GroupBy(words => words[0], StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    /// <summary>Where an expression stands in <paramref name="tokens"/>: its first token and its length in tokens.</summary>
    public static List<(int At, int Length)> Find(IReadOnlyList<Token> tokens)
    {
        var found = new List<(int, int)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!ByFirstWord.TryGetValue(tokens[i].Word, out var candidates)) continue;
            foreach (var words in candidates)
                if (MatchesAt(words, tokens, i)) found.Add((i, words.Length));
        }
        return found;
    }

    private static bool MatchesAt(string[] words, IReadOnlyList<Token> tokens, int at)
    {
        if (at + words.Length > tokens.Count) return false;
        for (var k = 1; k < words.Length; k++)
            if (tokens[at + k].BreakBefore || !string.Equals(tokens[at + k].Word, words[k], StringComparison.Ordinal)) return false;
        return true;
    }
}
