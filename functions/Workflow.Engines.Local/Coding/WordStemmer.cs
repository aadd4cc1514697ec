namespace Workflow.Engines.Local.Coding;

/// <summary>
/// A light, conservative stemmer for matching codebook keywords against speech: it only has to map
/// the forms a coder would count as "the same word" (involve, involved, involvement; organise,
/// organization; centre, center; boxes, box) onto one key. Keywords and text go through the same
/// function, so an odd-looking stem is harmless as long as it is consistent; what matters is that it
/// does not merge words with different meanings that appear in codebooks.
/// </summary>
internal static class WordStemmer
{
    private const int MinStem = 3;

    // British and American spellings that suffix rules cannot reconcile.
    private static readonly Dictionary<string, string> Irregular = new(StringComparer.Ordinal)
    {
        ["programme"] = "program", ["programmes"] = "programs",
        ["licence"] = "license", ["licences"] = "licenses",
        ["defence"] = "defense", ["offence"] = "offense", ["offences"] = "offenses",
        ["practise"] = "practice", ["practised"] = "practiced", ["practising"] = "practicing",
        ["judgement"] = "judgment", ["judgements"] = "judgments",
        ["ageing"] = "aging", ["grey"] = "gray", ["cheque"] = "check", ["cheques"] = "checks",
        ["enrol"] = "enroll", ["enrolment"] = "enrollment", ["fulfil"] = "fulfill",
        ["whilst"] = "while", ["amongst"] = "among", ["towards"] = "toward",
    };

    private static readonly string[] OurFollowers = ["", "s", "ed", "ing", "ite", "ites", "able", "ably", "hood", "hoods", "er", "ers", "ful", "less"];

    /// <summary>The matching key of <paramref name="word"/>, which must already be lower-case without apostrophes.</summary>
    public static string Stem(string word)
    {
        if (word.Length <= MinStem || !word.All(char.IsAsciiLetterLower)) return word;

        var w = Spelling(word);
        w = Inflection(w);
        w = Derivation(w);
        if (w.Length > MinStem && w[^1] == 'e') w = w[..^1];
        // Travelled/traveled, counselling/counseling: British doubles the l before a suffix.
        if (w.Length >= 6 && w.EndsWith("ll", StringComparison.Ordinal)) w = w[..^1];
        return w;
    }

    private static string Spelling(string w)
    {
        if (Irregular.TryGetValue(w, out var mapped)) return mapped;
        if (w.StartsWith("scep", StringComparison.Ordinal)) w = "skep" + w[4..];
        if (w.Length >= 5 && w.Contains("ae", StringComparison.Ordinal)) w = w.Replace("ae", "e", StringComparison.Ordinal);
        w = Ise(w);
        w = Our(w);
        w = Re(w);
        if (w.Length >= 6 && w.EndsWith("ogue", StringComparison.Ordinal)) w = w[..^2];
        return w;
    }

    /// <summary>organize -> organise, analyze -> analyse (either direction would do; this one is British).</summary>
    private static string Ise(string w)
    {
        var chars = w.ToCharArray();
        for (var i = 1; i < chars.Length - 1; i++)
            if (chars[i] == 'z' && chars[i - 1] is 'i' or 'y' && chars[i + 1] is 'e' or 'i' or 'a')
                chars[i] = 's';
        return new string(chars);
    }

    /// <summary>behaviour -> behavior, neighbours -> neighbors; short words (hour, your, four) stay.</summary>
    private static string Our(string w)
    {
        if (w.Length < 6) return w;
        var at = w.LastIndexOf("our", StringComparison.Ordinal);
        if (at < 2) return w;
        var rest = w[(at + 3)..];
        return OurFollowers.Contains(rest) ? w[..(at + 1)] + w[(at + 2)..] : w;
    }

    /// <summary>centre -> center, fibres -> fibers.</summary>
    private static string Re(string w)
    {
        foreach (var end in (ReadOnlySpan<string>)["tre", "tres", "bre", "bres"])
            if (w.Length >= end.Length + 2 && w.EndsWith(end, StringComparison.Ordinal) && !IsVowel(w[^(end.Length + 1)]))
                return w[..^end.Length] + end[0] + "er" + end[3..];
        return w;
    }

    private static string Inflection(string w)
    {
        if (w.Length >= 5 && (w.EndsWith("ies", StringComparison.Ordinal) || w.EndsWith("ied", StringComparison.Ordinal)))
            return w[..^3] + "y";
        if (w.Length >= 4 && w[^1] == 's' && w[^2] is not ('s' or 'u' or 'i'))
            w = w[..^1];
        if (w.EndsWith("eed", StringComparison.Ordinal)) return w;
        foreach (var suffix in (ReadOnlySpan<string>)["ing", "ed"])
        {
            if (!w.EndsWith(suffix, StringComparison.Ordinal)) continue;
            var rest = w[..^suffix.Length];
            if (rest.Length < MinStem || !rest.Any(IsVowel)) return w;
            // stopped -> stop; but leave -ll, -ss, -zz to the final rules (called, passed).
            if (rest.Length >= 4 && rest[^1] == rest[^2] && !IsVowel(rest[^1]) && rest[^1] is not ('l' or 's' or 'z'))
                rest = rest[..^1];
            return rest;
        }
        return w;
    }

    // Longest first; each needs enough stem left that short words (nation, moment, state) survive.
    private static readonly (string Suffix, string Replacement, int MinRest)[] DerivationRules =
    [
        ("ation", "", 3), ("ment", "", 4), ("ness", "", 3), ("ical", "ic", 3), ("ism", "", 4),
        ("ate", "", 4), ("ant", "", 4), ("at", "", 4),
    ];

    private static string Derivation(string w)
    {
        foreach (var (suffix, replacement, minRest) in DerivationRules)
            if (w.EndsWith(suffix, StringComparison.Ordinal) && w.Length - suffix.Length >= minRest)
                return w[..^suffix.Length] + replacement;
        return w;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
