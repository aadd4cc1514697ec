using Workflow.Domain.Deidentification;

namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// Finds the study lead's identifiers (names, services, places and their aliases) without case, on word
/// boundaries, tolerant of spacing and of a possessive 's (kept outside the span), longest surface first.
/// Every surface of an identifier shares the key <c>id:{Id}</c>, so aliases get the same pseudonym.
/// </summary>
public sealed class StudyListRecognizer : IIdentifierRecognizer
{
    /// <summary>Recorded on findings as the detector, e.g. "rules/study-list".</summary>
    public string Name => "study-list";

    private const double Certain = 1.0;
    private const double SentenceStartCommonWord = 0.8;
    private const double LowerCaseCommonWord = 0.6;

    private readonly SurfaceTrie _trie = new();

    public StudyListRecognizer(StudyIdentifierList identifiers)
    {
        foreach (var identifier in identifiers.Identifiers)
            foreach (var surface in identifier.Surfaces)
                if (!string.IsNullOrWhiteSpace(surface)) _trie.Add(surface, identifier);
    }

    public IEnumerable<RecognizedSpan> Recognize(string text)
    {
        var words = WordToken.Split(text);
        for (var i = 0; i < words.Count;)
        {
            if (_trie.LongestMatch(text, words, i) is not { } match) { i++; continue; }
            var start = words[i].Start;
            yield return new RecognizedSpan(start, match.End, match.Identifier.Kind, "id:" + match.Identifier.Id,
                ConfidenceOf(text, start, match.End, singleWord: match.LastWord == i));
            i = match.LastWord + 1;
        }
    }

    /// <summary>
    /// A one-word match of a name that is also a common word is probably the word when written in lower
    /// case ("I hope so"), and may be either when capitalised only because it starts a sentence.
    /// </summary>
    private static double ConfidenceOf(string text, int start, int end, bool singleWord)
    {
        if (!singleWord || !CommonWordNames.Contains(text.AsSpan(start, end - start))) return Certain;
        if (!char.IsUpper(text[start])) return LowerCaseCommonWord;
        return StartsSentence(text, start) ? SentenceStartCommonWord : Certain;
    }

    private static bool StartsSentence(string text, int start)
    {
        for (var i = start - 1; i >= 0; i--)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c is '"' or '“' or '\'' or '‘' or '(' or '[') continue;
            return c is '.' or '!' or '?' or '…' or ']';
        }
        return true;
    }
}
