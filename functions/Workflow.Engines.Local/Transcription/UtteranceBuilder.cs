using Workflow.Domain.Transcripts;

namespace Workflow.Engines.Local.Transcription;

/// <summary>
/// Turns recognised segments into utterances, every one with the placeholder speaker; diarization
/// (<c>Diarization/TranscriptDiarization</c>) relabels and splits them afterwards when it is on.
/// </summary>
internal static class UtteranceBuilder
{
    /// <summary>The speaker label given to every utterance from this engine.</summary>
    public const string Speaker = "Speaker 1";

    /// <summary>
    /// One utterance per segment, in time order; a segment longer than <paramref name="maxSeconds"/>
    /// is split at its largest pause (repeatedly) so verification screens get reviewable turns.
    /// Text is the words joined by single spaces, so each word's offset is found by sequential search.
    /// </summary>
    public static IReadOnlyList<Utterance> Build(IEnumerable<IReadOnlyList<Word>> segments, double maxSeconds)
    {
        var parts = new List<IReadOnlyList<Word>>();
        foreach (var segment in segments.Where(s => s.Count > 0).OrderBy(s => s[0].StartSeconds))
            Split(segment, maxSeconds, parts);

        return parts
            .Select((words, index) => new Utterance(
                index, Speaker, words[0].StartSeconds, words[^1].EndSeconds,
                string.Join(' ', words.Select(w => w.Text)), words))
            .ToList();
    }

    private static void Split(IReadOnlyList<Word> words, double maxSeconds, List<IReadOnlyList<Word>> into)
    {
        if (words.Count < 2 || words[^1].EndSeconds - words[0].StartSeconds <= maxSeconds)
        {
            into.Add(words);
            return;
        }
        var cut = 1;
        var widest = double.NegativeInfinity;
        for (var i = 1; i < words.Count; i++)
        {
            var gap = words[i].StartSeconds - words[i - 1].EndSeconds;
            if (gap > widest) (widest, cut) = (gap, i);
        }
        Split(words.Take(cut).ToList(), maxSeconds, into);
        Split(words.Skip(cut).ToList(), maxSeconds, into);
    }
}
