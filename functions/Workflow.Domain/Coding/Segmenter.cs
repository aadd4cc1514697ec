using Workflow.Domain.Deidentification;

namespace Workflow.Domain.Coding;

/// <summary>
/// Cuts a de-identified transcript into segments: one per speaker turn, with long turns split into
/// runs of whole sentences so each segment is small enough to code and to verify by eye.
/// </summary>
public static class Segmenter
{
    // Titles and Latin abbreviations whose full stop does not end a sentence. Words that often do end
    // a spoken sentence ("no.", "etc.", "Ltd.") are deliberately absent.
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "Dr", "Mr", "Mrs", "Ms", "Mx", "Prof", "St", "Rev", "Fr", "Sgt", "Capt", "Lt", "Col", "Gen",
        "e.g", "i.e", "cf", "vs", "approx",
    };

    /// <summary>Splits every utterance of <paramref name="transcript"/> into segments, in transcript order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">MaxWords is below 1 or MinCodableWords below 0.</exception>
    public static IReadOnlyList<Segment> Split(DeidentifiedTranscript transcript, SegmentationOptions options)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxWords, 1, nameof(options.MaxWords));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MinCodableWords, nameof(options.MinCodableWords));

        var nonCodable = new HashSet<string>(options.NonCodableSpeakers.Select(s => s.Trim()), StringComparer.OrdinalIgnoreCase);
        var labels = transcript.Redactions.ToLookup(r => r.UtteranceIndex);
        var segments = new List<Segment>();
        foreach (var utterance in transcript.Utterances)
        {
            var codableSpeaker = !nonCodable.Contains(utterance.Speaker.Trim());
            var text = utterance.Text;
            var part = 0;
            foreach (var span in Parts(text, options.MaxWords, labels[utterance.Index]))
            {
                segments.Add(new Segment(
                    $"{utterance.Index}.{part++}", utterance.Index, span.Start, span.End, utterance.Speaker,
                    text[span.Start..span.End], codableSpeaker && span.Words >= options.MinCodableWords));
            }
        }
        return segments;
    }

    private static List<TextSpan> Parts(string text, int maxWords, IEnumerable<Redaction> labels)
    {
        var whole = TextSpan.Trimmed(text, 0, text.Length);
        if (whole.Words == 0) return [];
        if (whole.Words <= maxWords) return [whole];

        // Greedy packing keeps sentences in order and each part within the limit; a single sentence
        // over the limit is kept whole rather than cut mid-sentence.
        var parts = new List<TextSpan>();
        TextSpan? current = null;
        foreach (var sentence in Sentences(text, whole, labels.ToList()))
        {
            if (current is { } open && open.Words + sentence.Words <= maxWords)
            {
                current = new TextSpan(open.Start, sentence.End, open.Words + sentence.Words);
                continue;
            }
            if (current is { } full) parts.Add(full);
            current = sentence;
        }
        if (current is { } last) parts.Add(last);
        return parts;
    }

    private static IEnumerable<TextSpan> Sentences(string text, TextSpan within, List<Redaction> labels)
    {
        var start = within.Start;
        var depth = 0;
        for (var i = within.Start; i < within.End; i++)
        {
            var c = text[i];
            if (c == '[') depth++;
            else if (c == ']' && depth > 0) depth--;
            if (depth > 0 || !IsTerminator(c)) continue;

            var end = i + 1;
            while (end < within.End && IsTerminator(text[end])) end++;
            while (end < within.End && IsCloser(text[end])) end++;
            if (end < within.End && !char.IsWhiteSpace(text[end])) continue;
            if (c == '.' && end == i + 1 && IsAbbreviation(text, i)) continue;
            if (labels.Any(r => r.Start <= i && i < r.End)) continue;

            yield return TextSpan.Trimmed(text, start, end);
            start = end;
            i = end - 1;
        }
        var rest = TextSpan.Trimmed(text, start, within.End);
        if (rest.Words > 0) yield return rest;
    }

    private static bool IsTerminator(char c) => c is '.' or '?' or '!' or '\u2026';

    private static bool IsCloser(char c) => c is '"' or '\'' or ')' or '\u2019' or '\u201D' or '\u00BB';

    private static bool IsAbbreviation(string text, int dot)
    {
        var start = dot;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '.')) start--;
        return start < dot && Abbreviations.Contains(text[start..dot]);
    }

    /// <summary>A trimmed range of an utterance's text and the number of words in it.</summary>
    private readonly record struct TextSpan(int Start, int End, int Words)
    {
        /// <summary>The range [<paramref name="start"/>, <paramref name="end"/>) without surrounding whitespace.</summary>
        public static TextSpan Trimmed(string text, int start, int end)
        {
            while (start < end && char.IsWhiteSpace(text[start])) start++;
            while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
            var words = 0;
            for (var i = start; i < end; i++)
                if (!char.IsWhiteSpace(text[i]) && (i == start || char.IsWhiteSpace(text[i - 1]))) words++;
            return new TextSpan(start, end, words);
        }
    }
}
