using Workflow.Domain.Deidentification;
using Workflow.Domain.Transcripts;

namespace Workflow.Domain.Verification;

/// <summary>
/// Finds the passages of a de-identified transcript that a coder should listen to: runs of words the
/// recogniser was unsure of (confidence below <see cref="TranscriptCheckOptions.TranscriptCheckBelow"/>),
/// joined across a few confident words, padded with context, never across turns, at most
/// <see cref="TranscriptCheckOptions.MaxPassageWords"/> words each, and at most a few per minute of
/// speech per recording (the most doubtful kept). Works on the de-identified words, so a passage holds
/// pseudonym labels where names were; a turn whose words cannot be lined up with its text (the
/// de-identification dropped them, or the text was written differently) gives no passage, since a
/// correction could not be placed in it. Transcripts without word confidences (imported text) give
/// none. Pure.
/// </summary>
public static class TranscriptCheckFinder
{
    public static IReadOnlyList<TranscriptPassage> Find(DeidentifiedTranscript transcript, TranscriptCheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        ArgumentNullException.ThrowIfNull(options);
        if (options.TranscriptCheckBelow <= 0) return [];
        var passages = new List<TranscriptPassage>();
        foreach (var utterance in transcript.Utterances)
        {
            if (utterance.Words.Count == 0 || WordPlaces(utterance) is not { } places) continue;
            foreach (var (first, last) in Spans(utterance.Words, options))
                passages.Add(Passage(utterance, places, first, last));
        }
        return Bounded(passages, SpeechMinutes(transcript), options);
    }

    /// <summary>Where each word stands in the turn's text, in order; null when a word is not found there.</summary>
    internal static (int Start, int End)[]? WordPlaces(Utterance utterance)
    {
        var places = new (int, int)[utterance.Words.Count];
        var cursor = 0;
        for (var i = 0; i < places.Length; i++)
        {
            var text = utterance.Words[i].Text;
            var at = text.Length == 0 ? -1 : utterance.Text.IndexOf(text, cursor, StringComparison.OrdinalIgnoreCase);
            if (at < 0) return null;
            places[i] = (at, at + text.Length);
            cursor = at + text.Length;
        }
        return places;
    }

    /// <summary>Word ranges (inclusive) of the turn's passages: doubtful runs joined, padded, then cut to length.</summary>
    private static IEnumerable<(int First, int Last)> Spans(IReadOnlyList<Word> words, TranscriptCheckOptions options)
    {
        var joined = new List<(int First, int Last)>();
        for (var i = 0; i < words.Count; i++)
        {
            if (!IsDoubtful(words[i], options)) continue;
            if (joined.Count > 0 && i - joined[^1].Last - 1 <= options.JoinAcrossWords) joined[^1] = (joined[^1].First, i);
            else joined.Add((i, i));
        }

        // Padding can make neighbouring runs touch: they are one passage then, not two that share words.
        var padded = new List<(int First, int Last)>();
        foreach (var (first, last) in joined)
        {
            var span = (First: Math.Max(0, first - options.ContextWords), Last: Math.Min(words.Count - 1, last + options.ContextWords));
            if (padded.Count > 0 && span.First <= padded[^1].Last + 1) padded[^1] = (padded[^1].First, span.Last);
            else padded.Add(span);
        }

        var max = Math.Max(1, options.MaxPassageWords);
        foreach (var (first, last) in padded)
            for (var from = first; from <= last; from += max)
                yield return (from, Math.Min(last, from + max - 1));
    }

    private static bool IsDoubtful(Word word, TranscriptCheckOptions options) =>
        double.IsNaN(word.Confidence) || word.Confidence < options.TranscriptCheckBelow;

    private static TranscriptPassage Passage(Utterance utterance, (int Start, int End)[] places, int first, int last)
    {
        var words = utterance.Words.Skip(first).Take(last - first + 1).ToList();
        var mean = words.Average(w => double.IsNaN(w.Confidence) ? 0 : Math.Clamp(w.Confidence, 0, 1));
        return new TranscriptPassage(utterance.Index, first, last, places[first].Start, places[last].End,
            words[0].StartSeconds, words[^1].EndSeconds, Math.Round(mean, 4));
    }

    private static double SpeechMinutes(DeidentifiedTranscript transcript)
    {
        var words = transcript.Utterances.SelectMany(u => u.Words).ToList();
        return words.Count == 0 ? 0 : Math.Max(0, words.Max(w => w.EndSeconds) - words.Min(w => w.StartSeconds)) / 60;
    }

    /// <summary>The most doubtful passages up to the recording's bound, back in transcript order.</summary>
    private static IReadOnlyList<TranscriptPassage> Bounded(List<TranscriptPassage> passages, double minutes, TranscriptCheckOptions options)
    {
        var bound = Math.Max(options.MinPassagesPerRecording, (int)Math.Ceiling(options.MaxPassagesPerMinute * minutes));
        if (passages.Count <= bound) return passages;
        return passages
            .Select((p, order) => (Passage: p, Order: order))
            .OrderBy(x => x.Passage.MeanConfidence).ThenBy(x => x.Order)
            .Take(bound)
            .OrderBy(x => x.Order)
            .Select(x => x.Passage)
            .ToList();
    }
}
