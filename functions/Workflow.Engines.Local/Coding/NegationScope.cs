namespace Workflow.Engines.Local.Coding;

/// <summary>
/// Which words a negation reaches, in the manner of NegEx: a negating word ("not", "never", "no",
/// "without", "nothing", a verb with "n't") reaches the next <see cref="Reach"/> words of its clause,
/// and stops early at punctuation or at a word that opens another clause ("but", "because", "which").
/// A keyword there is said not to be the case ("I never went to the forum"), so it is no evidence for
/// its code. Pseudo-negations ("not only", "no doubt") reach nothing.
/// </summary>
internal static class NegationScope
{
    /// <summary>Words after the negating word that it still reaches; NegEx uses five.</summary>
    public const int Reach = 5;

    private static readonly HashSet<string> Negators = Stems(
        "not", "no", "never", "without", "nothing", "nobody", "none", "neither", "nor", "cannot", "nowhere",
        "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "havent", "hasnt", "hadnt", "cant", "couldnt",
        "wouldnt", "shouldnt", "wont", "mustnt", "neednt", "aint");

    // "not only money but...", "no doubt", "no matter what", "never mind": the words after are affirmed.
    private static readonly HashSet<string> PseudoFollowers = Stems("only", "just", "doubt", "matter", "mind", "least");

    private static readonly HashSet<string> ClauseOpeners = Stems(
        "but", "although", "though", "because", "cos", "since", "however", "except", "unless", "whereas", "while",
        "which", "who", "until", "till", "yet", "instead");

    /// <summary>True when <paramref name="stem"/> is a negating word (so a keyword containing it is itself negative).</summary>
    public static bool IsNegator(string stem) => Negators.Contains(stem);

    /// <summary>For each token, whether a negation before it in its clause reaches it.</summary>
    public static bool[] Of(IReadOnlyList<Token> tokens)
    {
        var negated = new bool[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!Negators.Contains(tokens[i].Stem)) continue;
            if (i + 1 < tokens.Count && !tokens[i + 1].PunctuationBefore && PseudoFollowers.Contains(tokens[i + 1].Stem)) continue;
            for (var j = i + 1; j < tokens.Count && j <= i + Reach; j++)
            {
                if (tokens[j].PunctuationBefore || ClauseOpeners.Contains(tokens[j].Stem)) break;
                negated[j] = true;
            }
        }
        return negated;
    }

    private static HashSet<string> Stems(params string[] words) => words.Select(WordStemmer.Stem).ToHashSet(StringComparer.Ordinal);
}
