namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// English words from a Hunspell dictionary (en-GB). Lower-case entries, with their suffixed forms, are
/// common words ("hope", "bridge", "teams"): a name that is also one needs context. Capitalised entries
/// are known proper terms ("Christmas", "Punjabi", "Methodist"): a capitalised word found there is not an
/// unexplained one, so it is not sent to a coder as a possible name.
/// </summary>
internal sealed class EnglishLexicon
{
    private readonly HashSet<string> _common;
    private readonly HashSet<string> _proper;

    private readonly HashSet<string> _countNouns;

    private EnglishLexicon(HashSet<string> common, HashSet<string> proper, HashSet<string> countNouns)
    {
        _common = common;
        _proper = proper;
        _countNouns = countNouns;
    }

    /// <summary>
    /// True for a singular countable noun (a base entry with Hunspell's plural and possessive flags, "spud/MS").
    /// Such a noun needs a determiner in English, so one standing bare as a subject ("Spud goes") is a nickname.
    /// </summary>
    public bool IsCountNoun(string key) => _countNouns.Contains(key);

    /// <summary>Number of common word forms (for diagnostics).</summary>
    public int CommonCount => _common.Count;

    /// <summary>True for an ordinary lower-case English word form (folded key).</summary>
    public bool IsCommon(string key) => _common.Contains(key);

    /// <summary>True for a capitalised dictionary entry (folded key).</summary>
    public bool IsProper(string key) => _proper.Contains(key);

    /// <summary>An in-memory lexicon (tests).</summary>
    public static EnglishLexicon Of(IEnumerable<string> common, IEnumerable<string> proper, IEnumerable<string>? countNouns = null) =>
        new(new HashSet<string>(common.Select(w => TextFolding.Fold(w)), StringComparer.Ordinal),
            new HashSet<string>(proper.Select(w => TextFolding.Fold(w)), StringComparer.Ordinal),
            new HashSet<string>((countNouns ?? []).Select(w => TextFolding.Fold(w)), StringComparer.Ordinal));

    /// <summary>
    /// Reads a Hunspell <c>.dic</c>/<c>.aff</c> pair. Suffix rules (plurals, -ed, -ing, -er, -ly...) and the
    /// simple prefixes (re-, un-, dis-: "reassured") are applied, which is what recognising inflected common
    /// words needs; compounding and other affix features are ignored.
    /// </summary>
    public static EnglishLexicon Load(string dicPath, string affPath)
    {
        var suffixes = HunspellSuffix.ReadAll(affPath);
        var prefixes = HunspellSuffix.ReadPrefixes(affPath);
        var common = new HashSet<string>(200_000, StringComparer.Ordinal);
        var proper = new HashSet<string>(20_000, StringComparer.Ordinal);
        var countNouns = new HashSet<string>(30_000, StringComparer.Ordinal);
        var first = true;
        foreach (var line in File.ReadLines(dicPath))
        {
            if (first) { first = false; continue; } // the entry count
            if (line.Length == 0) continue;
            var slash = line.IndexOf('/');
            var word = slash < 0 ? line.TrimEnd() : line[..slash];
            var flags = slash < 0 ? "" : line[(slash + 1)..].TrimEnd();
            if (word.Length == 0 || !char.IsLetter(word[0])) continue;
            if (char.IsUpper(word[0]))
            {
                // Acronyms and names: known terms, never common words.
                proper.Add(TextFolding.Fold(word));
                continue;
            }
            var key = TextFolding.Fold(word);
            common.Add(key);
            if (flags.Contains('S') && flags.Contains('M')) countNouns.Add(key);
            AddForms(common, key, flags, suffixes);
            foreach (var flag in flags)
                if (prefixes.TryGetValue(flag, out var prefix))
                {
                    common.Add(prefix + key);
                    AddForms(common, prefix + key, flags, suffixes);
                }
        }
        return new EnglishLexicon(common, proper, countNouns);
    }

    private static void AddForms(HashSet<string> common, string key, string flags, Dictionary<char, List<HunspellSuffix>> suffixes)
    {
        foreach (var flag in flags)
            if (suffixes.TryGetValue(flag, out var rules))
                foreach (var rule in rules)
                    if (rule.Apply(key) is { } form) common.Add(form);
    }
}
