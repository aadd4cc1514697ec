using Workflow.Domain.Deidentification;

namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// Finds the study lead's identifiers (names, services, places and their aliases). Matching is on folded
/// words (<see cref="TextFolding"/>: case, accents, full-width letters and zero-width characters do not
/// matter), tolerant of spacing and line breaks, with clitics kept outside the span ("Jo's", "Mouse'll",
/// "Kev’s"). A leading article is not part of a surface ("the Harbour" matches "Harbour", as policy spans
/// exclude articles), and of overlapping matches the longest wins, so an alias "the Harbour" never beats
/// "Harbour Project". Single-word names of six letters or more also match near spellings (one edit) and
/// sound-alike forms, as speech recognition writes them, at a confidence a coder confirms. A listed entry
/// made only of common words ("Grace", "Teams", "Speak Up") is decided in context: certain capitalised
/// mid-sentence, for confirmation in lower case or at a sentence start. Every surface of an identifier
/// shares the key <c>id:{Id}</c>, so aliases get the same pseudonym.
/// </summary>
public sealed class StudyListRecognizer : IIdentifierRecognizer
{
    private const double Certain = 1.0;
    private const double SentenceStartCommonWord = 0.8;
    private const double ArticleCommonWord = 0.8;
    private const double LowerCaseCommonWord = 0.6;
    private const double NearSpelling = 0.6;
    private const double SoundAlike = 0.5;
    private const int NearSpellingMinLength = 6;

    private static readonly HashSet<string> Articles = new(StringComparer.Ordinal) { "the", "a", "an" };

    private readonly KeyTrie<Entry> _trie = new();
    private readonly Dictionary<string, List<Entry>> _deletions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entry>> _sounds = new(StringComparer.Ordinal);
    private readonly Func<string, bool> _isCommonWord;

    /// <summary>
    /// A recognizer for <paramref name="identifiers"/>. Common words are those of the installed en-GB word
    /// list when the gazetteers are installed, plus a built-in list of names that are words.
    /// </summary>
    public StudyListRecognizer(StudyIdentifierList identifiers) : this(identifiers, Gazetteers.TryShared()?.Lexicon)
    {
    }

    internal StudyListRecognizer(StudyIdentifierList identifiers, EnglishLexicon? lexicon)
    {
        _isCommonWord = lexicon is null ? key => CommonWordNames.Contains(key) : key => lexicon.IsCommon(key) || CommonWordNames.Contains(key);
        foreach (var identifier in identifiers.Identifiers)
            foreach (var surface in identifier.Surfaces)
                if (!string.IsNullOrWhiteSpace(surface)) Add(surface, identifier);
    }

    /// <summary>Recorded on findings as the detector, e.g. "rules/study-list".</summary>
    public string Name => "study-list";

    public IEnumerable<RecognizedSpan> Recognize(string text)
    {
        if (_trie.Count == 0) yield break;
        var analysed = NameText.Analyze(text);
        var tokens = analysed.Tokens;
        var candidates = new List<(int First, int Last, int End, Entry Entry, double Confidence)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (Articles.Contains(tokens[i].Key)) continue;
            if (_trie.LongestMatchWithClitics(analysed, i, Joinable) is { } m)
                candidates.Add((i, m.Last, m.End, m.Value, ConfidenceOf(analysed, i, m.Last, m.Value)));
        }
        // Longest first (in words, then characters), so an alias never cuts a longer name short.
        var taken = new bool[tokens.Count];
        var kept = new List<(int First, int Last, int End, Entry Entry, double Confidence)>();
        foreach (var c in candidates.OrderByDescending(c => c.Last - c.First).ThenByDescending(c => c.End - tokens[c.First].Start).ThenBy(c => c.First))
        {
            if (Enumerable.Range(c.First, c.Last - c.First + 1).Any(k => taken[k])) continue;
            for (var k = c.First; k <= c.Last; k++) taken[k] = true;
            kept.Add(c);
        }
        // Near spellings and sound-alikes of long single-word names, for words nothing else matched.
        if (_deletions.Count > 0)
            for (var i = 0; i < tokens.Count; i++)
                if (!taken[i] && Near(tokens[i]) is { } near)
                    kept.Add((i, i, tokens[i].CoreEnd, near.Entry, near.Confidence));
        foreach (var c in kept.OrderBy(c => c.First))
            yield return new RecognizedSpan(tokens[c.First].Start, c.End, c.Entry.Identifier.Kind, "id:" + c.Entry.Identifier.Id, c.Confidence);
    }

    private void Add(string surface, StudyIdentifier identifier)
    {
        var keys = NameText.Analyze(surface).Tokens.Select(t => t.HasClitic ? t.FullKey : t.Key).ToList();
        var hadArticle = keys.Count > 1 && Articles.Contains(keys[0]);
        if (hadArticle) keys.RemoveAt(0);
        if (keys.Count == 0) return;
        var entry = new Entry(identifier, hadArticle, keys.All(_isCommonWord), string.Join(' ', keys));
        _trie.Add(keys, entry);
        if (keys.Count != 1 || keys[0].Length < NearSpellingMinLength || entry.AllCommon || !keys[0].All(char.IsLetter)) return;
        var key = keys[0];
        AddTo(_deletions, key, entry);
        for (var i = 0; i < key.Length; i++) AddTo(_deletions, key.Remove(i, 1), entry);
        if (identifier.Kind == IdentifierKind.Person) AddTo(_sounds, SoundKey.Of(key), entry);
    }

    private static void AddTo(Dictionary<string, List<Entry>> index, string key, Entry entry)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        if (!list.Contains(entry)) list.Add(entry);
    }

    /// <summary>A listed long name one edit away from <paramref name="t"/>, or sounding like it; never a common word.</summary>
    private (Entry Entry, double Confidence)? Near(NameToken t)
    {
        var key = t.Key;
        if (key.Length < NearSpellingMinLength - 1 || _isCommonWord(key) || OrdinaryCapitalisedWords.Contains(key) || !key.All(char.IsLetter)) return null;
        var candidates = new List<Entry>();
        if (_deletions.TryGetValue(key, out var direct)) candidates.AddRange(direct);
        for (var i = 0; i < key.Length; i++)
            if (_deletions.TryGetValue(key.Remove(i, 1), out var list)) candidates.AddRange(list);
        foreach (var entry in candidates)
        {
            var listed = entry.Key;
            if (listed != key && EditDistance.AtMostOne(listed, key)) return (entry, NearSpelling);
        }
        if (key.Length >= NearSpellingMinLength && _sounds.TryGetValue(SoundKey.Of(key), out var alike))
            foreach (var entry in alike)
                if (Math.Abs(entry.Key.Length - key.Length) <= 2) return (entry, SoundAlike);
        return null;
    }

    /// <summary>
    /// Entries of ordinary words ("Hope", "the Bridge", "Speak Up") are the word when written in lower case,
    /// may be either when capitalised only because they start a sentence, and are the name otherwise.
    /// </summary>
    private static double ConfidenceOf(NameText text, int first, int last, Entry entry)
    {
        if (!entry.AllCommon) return Certain;
        var t = text.Tokens[first];
        var afterArticle = first > 0 && text.KeyAt(first - 1) == "the" && !t.SentenceStart;
        if (t.Shape == WordShape.Lower) return entry.HadArticle && afterArticle ? ArticleCommonWord : LowerCaseCommonWord;
        if (t.Shape == WordShape.AllCaps) return SentenceStartCommonWord;
        return t.SentenceStart ? SentenceStartCommonWord : Certain;
    }

    /// <summary>Words of one name may be separated by spaces, line breaks, invisible characters or a little punctuation ("Jean-Paul", "St. Mary").</summary>
    private static bool Joinable(NameText text, int i)
    {
        var punctuation = 0;
        foreach (var c in text.GapAfter(i))
        {
            if (char.IsWhiteSpace(c) || TextFolding.IsInvisible(c)) continue;
            if (c is '-' or '.' or ',' or '\'' or '’' && ++punctuation <= 2) continue;
            return false;
        }
        return true;
    }

    /// <summary>One listed identifier surface.</summary>
    private sealed record Entry(StudyIdentifier Identifier, bool HadArticle, bool AllCommon, string Key);
}
