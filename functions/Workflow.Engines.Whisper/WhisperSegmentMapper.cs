using Whisper.net;
using Workflow.Domain.Transcripts;

namespace Workflow.Engines.Whisper;

/// <summary>
/// Turns Whisper segments into utterances with timed, scored words. Pure, so the rules are tested on
/// hand-made segments and a diarizer can later supply the speaker of each stretch of time.
/// </summary>
internal static class WhisperSegmentMapper
{
    /// <summary>The label every utterance gets until diarization assigns real speakers.</summary>
    public const string SingleSpeaker = "Speaker 1";

    /// <summary>whisper.cpp gives token times in hundredths of a second.</summary>
    private const double TokenTimeUnitsPerSecond = 100.0;

    /// <summary>
    /// One utterance per segment that holds speech, in time order. The text is Whisper's (punctuated,
    /// whitespace collapsed); the words are built from its tokens. Whisper works in 30-second windows and
    /// can time a segment past the end of the recording: times are kept within <paramref name="audioSeconds"/>,
    /// and a segment that starts at or after the end is dropped. <paramref name="speakerOf"/> names the
    /// speaker of a segment from its start and end in seconds (<see cref="SingleSpeaker"/> when null).
    /// </summary>
    public static IReadOnlyList<Utterance> Map(IEnumerable<SegmentData> segments, double audioSeconds, Func<double, double, string>? speakerOf = null)
    {
        var utterances = new List<Utterance>();
        foreach (var segment in segments.OrderBy(s => s.Start))
        {
            var text = Collapse(segment.Text);
            if (!HoldsSpeech(text)) continue;
            var start = Math.Max(0, segment.Start.TotalSeconds);
            if (start >= audioSeconds) continue;
            var end = Math.Clamp(segment.End.TotalSeconds, start, audioSeconds);
            var words = Words(segment.Tokens ?? [], text, start, end);
            var speaker = speakerOf?.Invoke(start, end) ?? SingleSpeaker;
            utterances.Add(new Utterance(utterances.Count, speaker, start, end, text, words));
        }
        return utterances;
    }

    /// <summary>
    /// Whisper marks silence and non-speech with a whole bracketed segment ("[BLANK_AUDIO]", "[Music]",
    /// "(wind blowing)"); those are not what anybody said.
    /// </summary>
    private static bool HoldsSpeech(string text) =>
        text.Length > 0 && !(text[0] == '[' && text[^1] == ']') && !(text[0] == '(' && text[^1] == ')')
        && text.Any(char.IsLetterOrDigit);

    private static IReadOnlyList<Word> Words(IReadOnlyList<WhisperToken> tokens, string text, double segmentStart, double segmentEnd)
    {
        var pieces = Group(tokens.Where(t => !IsSpecial(t.Text)));
        // Token times are missing (-1) unless asked for, and all zero from some builds: then spread instead.
        var timed = pieces.All(p => p.HasTimes) && pieces.Any(p => p.End > p.Start);
        var spread = timed ? null : SpreadTimes(pieces, segmentStart, segmentEnd);
        var words = new List<Word>(pieces.Count);
        var cursor = 0;
        for (var i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            // Each word must be found, in order, in the utterance text: de-identification aligns them that way
            // and drops every word of an utterance if one is missing. A word that cannot be found is left out.
            if (Locate(piece.Text, text, cursor) is not var (at, length)) continue;
            var wordText = text.Substring(at, length);
            cursor = at + length;
            var (start, end) = timed ? (piece.Start, piece.End) : spread![i];
            start = Math.Clamp(start, segmentStart, segmentEnd);
            end = Math.Clamp(Math.Max(start, end), segmentStart, segmentEnd);
            words.Add(new Word(wordText, start, end, Math.Clamp(piece.Confidence, 0, 1)));
        }
        return words;
    }

    /// <summary>
    /// Where the word <paramref name="piece"/> is in <paramref name="text"/> at or after <paramref name="from"/>,
    /// without surrounding punctuation; null when it is not there. A token that split a multi-byte
    /// character decodes to U+FFFD on its own while the segment's whole text decodes correctly, so such
    /// a word is found by the part before the broken character and runs to the end of that word in the text.
    /// </summary>
    private static (int At, int Length)? Locate(string piece, string text, int from)
    {
        var broken = piece.IndexOf('\uFFFD');
        var known = TrimPunctuation(broken < 0 ? piece : piece[..broken]);
        if (known.Length == 0) return null;
        var at = text.IndexOf(known, from, StringComparison.Ordinal);
        if (at < 0) return null;
        if (broken < 0) return (at, known.Length);
        var end = at + known.Length;
        while (end < text.Length && !char.IsWhiteSpace(text[end])) end++;
        return (at, TrimPunctuation(text[at..end]).Length);
    }

    /// <summary>
    /// Joins sub-word tokens into words: a token that starts with a space starts a new word; one that does
    /// not (the rest of a word, or punctuation) belongs to the word before it. A word's confidence is the
    /// mean of its tokens' probabilities, as openai-whisper scores words.
    /// </summary>
    private static List<Piece> Group(IEnumerable<WhisperToken> tokens)
    {
        var pieces = new List<Piece>();
        foreach (var token in tokens)
        {
            var value = token.Text ?? "";
            if (value.Length == 0) continue;
            var startsWord = pieces.Count == 0 || char.IsWhiteSpace(value[0]);
            var (start, end) = (token.Start / TokenTimeUnitsPerSecond, token.End / TokenTimeUnitsPerSecond);
            var hasTimes = token.Start >= 0 && token.End >= token.Start;
            if (startsWord)
            {
                pieces.Add(new Piece(value.Trim(), start, end, hasTimes, token.Probability, 1));
                continue;
            }
            var last = pieces[^1];
            pieces[^1] = last with
            {
                Text = last.Text + value.TrimEnd(),
                End = Math.Max(last.End, end),
                HasTimes = last.HasTimes && hasTimes,
                ProbabilitySum = last.ProbabilitySum + token.Probability,
                Tokens = last.Tokens + 1,
            };
        }
        return pieces;
    }

    /// <summary>Without token times, words share the segment's time in proportion to their length.</summary>
    private static (double Start, double End)[] SpreadTimes(List<Piece> pieces, double start, double end)
    {
        var total = Math.Max(1, pieces.Sum(p => p.Text.Length));
        var result = new (double, double)[pieces.Count];
        var at = start;
        for (var i = 0; i < pieces.Count; i++)
        {
            var length = (end - start) * pieces[i].Text.Length / total;
            result[i] = (at, at + length);
            at += length;
        }
        return result;
    }

    /// <summary>Timestamp and control tokens: "[_BEG_]", "[_TT_150]", "&lt;|endoftext|&gt;" (the test whisper.cpp itself uses).</summary>
    private static bool IsSpecial(string? text) =>
        text is not null && (text.StartsWith("[_", StringComparison.Ordinal) || text.StartsWith("<|", StringComparison.Ordinal));

    /// <summary>Punctuation around a word is not part of it ("milk." is the word "milk"); inside it is ("don't", "well-being").</summary>
    private static string TrimPunctuation(string word)
    {
        var start = 0;
        var end = word.Length;
        while (start < end && !char.IsLetterOrDigit(word[start])) start++;
        while (end > start && !char.IsLetterOrDigit(word[end - 1])) end--;
        return word[start..end];
    }

    private static string Collapse(string? value) =>
        string.Join(' ', (value ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private sealed record Piece(string Text, double Start, double End, bool HasTimes, double ProbabilitySum, int Tokens)
    {
        public double Confidence => ProbabilitySum / Tokens;
    }
}
