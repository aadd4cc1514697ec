using System.Text.RegularExpressions;
using Workflow.Domain.Coding;

namespace Workflow.Engines.Local.Coding;

/// <summary>
/// A codebook's level-2 codes turned into stem patterns indexed by their first stem, so coding a
/// segment is one pass over its words with a dictionary lookup per word, whatever the number of codes.
/// Immutable once built; shared by concurrent calls.
/// </summary>
internal sealed partial class CompiledCodebook
{
    private const double NameWordWeight = 0.5;
    private const double StopPhraseWeight = 0.5;

    // A single keyword matched by one of the most frequent English words ("right", "time") is in
    // nearly every turn whatever its topic: alone it stays below the default MinConfidence, and it
    // still adds to other evidence for its code.
    private const double CommonWordFactor = 0.4;

    // A code keyword its theme also lists ("forum" for part_active under part) marks the theme's topic
    // more than the code's, so alone it is not enough to propose the code.
    private const double ThemeKeywordFactor = 0.5;

    // Function words: a keyword made only of these ("is there?") is weak evidence.
    private static readonly HashSet<string> StopStems = new[]
    {
        "a", "an", "the", "to", "of", "in", "on", "at", "for", "is", "it", "its", "we", "they", "i", "you", "me", "us",
        "our", "my", "your", "be", "been", "was", "were", "are", "do", "did", "done", "have", "has", "had", "not", "no",
        "and", "or", "but", "that", "this", "there", "what", "whats", "who", "why", "how", "with", "from", "as", "by", "so",
        "if", "any", "can", "cant", "dont", "about", "up", "out", "get", "got", "go", "went", "one", "all", "just", "like",
        "them", "their", "he", "she", "him", "her", "would", "could", "should", "will", "ui", "user", "users", "use",
    }.Select(WordStemmer.Stem).ToHashSet(StringComparer.Ordinal);

    private readonly Dictionary<string, KeywordPattern[]> byFirstStem;

    private CompiledCodebook(IReadOnlyList<CodebookEntry> source, string[] codeIds, Dictionary<string, KeywordPattern[]> byFirstStem)
    {
        Source = source;
        CodeIds = codeIds;
        this.byFirstStem = byFirstStem;
    }

    /// <summary>The entries this was built from, to detect a cached version whose content changed.</summary>
    public IReadOnlyList<CodebookEntry> Source { get; }

    /// <summary>Ids of the applicable codes, indexed by <see cref="KeywordPattern.CodeIndex"/>.</summary>
    public string[] CodeIds { get; }

    /// <summary>Builds the patterns of <paramref name="codebook"/>'s applicable codes.</summary>
    public static CompiledCodebook Compile(Codebook codebook, KeywordCodingOptions options)
    {
        var codes = codebook.ApplicableCodes.ToArray();
        var themeKeywords = codebook.Codes
            .Where(t => t.Level == 1)
            .DistinctBy(t => t.Id)
            .ToDictionary(t => t.Id, t => (t.Keywords ?? []).Select(KeyOf).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var candidates = new List<Candidate>();
        for (var c = 0; c < codes.Length; c++)
        {
            var generic = codes[c].Parent is { } parent && themeKeywords.TryGetValue(parent, out var set) ? set : [];
            foreach (var keyword in codes[c].Keywords ?? [])
                candidates.Add(new(c, TextTokenizer.Tokenize(keyword).ToArray(), generic.Contains(KeyOf(keyword)) ? ThemeKeywordFactor : 1.0, IsLowercase(keyword)));
            if (options.UseQuotedCriteria)
                foreach (var quoted in QuotedPhrases(codes[c].InclusionCriteria))
                    candidates.Add(new(c, TextTokenizer.Tokenize(quoted).ToArray(), 1.0, IsLowercase(quoted)));
        }

        if (options.UseNameWords)
            candidates.AddRange(CodeNameWords(codes));

        var patterns = Deduplicate(candidates);
        var index = patterns
            .GroupBy(p => p.Stems[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        return new CompiledCodebook(codebook.Codes, codes.Select(c => c.Id).ToArray(), index);
    }

    /// <summary>
    /// Every code with at least one keyword in <paramref name="tokens"/> that counts: the summed weight
    /// of its distinct patterns found, and the first occurrence of its heaviest pattern as evidence.
    /// A keyword does not count inside a longer match (another code's phrase or an everyday idiom),
    /// where a negation reaches it, or inside a name; a very common word alone counts for little.
    /// </summary>
    public Dictionary<int, CodeScore> Score(List<Token> tokens)
    {
        var scores = new Dictionary<int, CodeScore>();
        var matches = FindMatches(tokens);
        if (matches.Count == 0) return scores;
        var covers = Idioms.Find(tokens);
        covers.AddRange(matches.Select(m => (m.At, m.Pattern.Stems.Length)));
        var negated = NegationScope.Of(tokens);
        var inName = NameWords.Of(tokens);

        // Each pattern counts once per segment, at its heaviest occurrence (the earliest on ties).
        var best = new Dictionary<KeywordPattern, (int At, double Weight)>(ReferenceEqualityComparer.Instance);
        foreach (var (at, pattern) in matches)
        {
            var length = pattern.Stems.Length;
            if (covers.Any(c => c.Length > length && c.At <= at && c.At + c.Length >= at + length)) continue;
            if (!pattern.Negative && negated[at]) continue;
            if (pattern.Lowercase && inName.AsSpan(at, length).IndexOf(false) < 0) continue;
            var weight = length == 1 && tokens[at].Common ? pattern.Weight * CommonWordFactor : pattern.Weight;
            if (!best.TryGetValue(pattern, out var kept) || weight > kept.Weight) best[pattern] = (at, weight);
        }

        foreach (var (pattern, (at, weight)) in best.OrderBy(b => b.Value.At))
        {
            var start = tokens[at].Start;
            var end = tokens[at + pattern.Stems.Length - 1].End;
            scores[pattern.CodeIndex] = scores.TryGetValue(pattern.CodeIndex, out var s)
                ? s.Add(weight, start, end)
                : new CodeScore(weight, weight, start, end);
        }
        return scores;
    }

    private List<(int At, KeywordPattern Pattern)> FindMatches(List<Token> tokens)
    {
        var matches = new List<(int, KeywordPattern)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!byFirstStem.TryGetValue(tokens[i].Stem, out var candidates)) continue;
            foreach (var pattern in candidates)
                if (MatchesAt(pattern, tokens, i)) matches.Add((i, pattern));
        }
        return matches;
    }

    private static string KeyOf(string phrase) => string.Join(' ', TextTokenizer.Tokenize(phrase).Select(t => t.Stem));

    private static bool MatchesAt(KeywordPattern pattern, List<Token> tokens, int at)
    {
        if (at + pattern.Stems.Length > tokens.Count) return false;
        for (var k = 0; k < pattern.Stems.Length; k++)
        {
            var token = tokens[at + k];
            if (k > 0 && (token.BreakBefore || !string.Equals(token.Stem, pattern.Stems[k], StringComparison.Ordinal))) return false;
            if (pattern.Caps[k] && !token.AllCaps) return false;
        }
        return true;
    }

    private static double BaseWeight(Token[] tokens)
    {
        if (tokens.All(t => StopStems.Contains(t.Stem))) return StopPhraseWeight;
        return tokens.Length switch { 1 => 1.0, 2 => 1.5, _ => 2.0 };
    }

    /// <summary>
    /// Merges duplicates within a code (keyword "right" and "rights" share a stem) and divides the weight
    /// of a pattern several codes share, since it cannot tell them apart.
    /// </summary>
    private static List<KeywordPattern> Deduplicate(List<Candidate> candidates)
    {
        var byKey = candidates
            .Where(c => c.Tokens.Length > 0)
            .GroupBy(c => string.Join(' ', c.Tokens.Select(t => t.Stem)), StringComparer.Ordinal);
        var patterns = new List<KeywordPattern>();
        foreach (var group in byKey)
        {
            var perCode = group.GroupBy(c => c.Code).ToList();
            foreach (var code in perCode)
            {
                var best = code.MaxBy(c => c.Weight * BaseWeight(c.Tokens));
                var weight = best.Weight * BaseWeight(best.Tokens) / perCode.Count;
                var stems = best.Tokens.Select(t => t.Stem).ToArray();
                patterns.Add(new KeywordPattern(code.Key, stems, best.Tokens.Select(IsAcronym).ToArray(), weight,
                    stems.Any(NegationScope.IsNegator), code.All(c => c.Lowercase)));
            }
        }
        return patterns;
    }

    private static bool IsLowercase(string keyword) => !keyword.Any(char.IsUpper);

    // "NA", "NTA", "CV": short words written in capitals in the codebook must be capitals in the text.
    private static bool IsAcronym(Token t) => t.AllCaps && t.End - t.Start is > 1 and <= 4;

    /// <summary>Content words of each code's name, leaving out words that many names share.</summary>
    private static IEnumerable<Candidate> CodeNameWords(CodebookEntry[] codes)
    {
        var perCode = codes.Select(c => TextTokenizer.Tokenize(c.Name)
                .Where(t => t.Stem.Length > 2 && !StopStems.Contains(t.Stem) && !char.IsDigit(t.Stem[0]))
                .DistinctBy(t => t.Stem)
                .ToArray())
            .ToArray();
        var common = perCode.SelectMany(words => words.Select(w => w.Stem))
            .GroupBy(s => s, StringComparer.Ordinal)
            .Where(g => g.Count() >= 3)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
        for (var c = 0; c < perCode.Length; c++)
            foreach (var word in perCode[c].Where(w => !common.Contains(w.Stem)))
                yield return new(c, [word], NameWordWeight, Lowercase: true);
    }

    private static IEnumerable<string> QuotedPhrases(string? criteria) =>
        criteria is null ? [] : QuotedPhrase().Matches(criteria).Select(m => m.Groups[1].Value);

    // 'it's our treatment' or "we know": quotes at word edges, apostrophes inside words allowed.
    [GeneratedRegex("""(?<![\w'])['"\u2018\u201C]((?:[^'"\u2019\u201D]|(?<=\w)['\u2019](?=\w))+?)['"\u2019\u201D](?![\w])""")]
    private static partial Regex QuotedPhrase();

    /// <summary>A keyword before deduplication: its code, words, weight factor and whether the codebook wrote it without capitals.</summary>
    private readonly record struct Candidate(int Code, Token[] Tokens, double Weight, bool Lowercase);
}
