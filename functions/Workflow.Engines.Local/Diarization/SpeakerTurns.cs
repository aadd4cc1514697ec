using Workflow.Domain.Transcripts;

namespace Workflow.Engines.Local.Diarization;

/// <summary>
/// Puts diarization into a transcript: each word gets the speaker of the window covering its midpoint,
/// utterances are split where the speaker changes, and speakers are named <c>Speaker 1..n</c> in order
/// of first appearance. Words, their times and the text joining rule stay as the recogniser made them.
/// </summary>
internal static class SpeakerTurns
{
    public static IReadOnlyList<Utterance> Apply(IReadOnlyList<Utterance> utterances, Func<double, int> speakerAt)
    {
        var names = new Dictionary<int, string>();
        var result = new List<Utterance>(utterances.Count);
        foreach (var utterance in utterances)
        {
            if (utterance.Words.Count == 0)
            {
                result.Add(utterance with { Index = result.Count });
                continue;
            }
            var speaker = SpeakerOf(utterance.Words[0]);
            if (utterance.Words.All(w => SpeakerOf(w) == speaker))
            {
                result.Add(utterance with { Index = result.Count, Speaker = Name(speaker) });
                continue;
            }
            var start = 0;
            for (var i = 1; i <= utterance.Words.Count; i++)
            {
                var next = i < utterance.Words.Count ? SpeakerOf(utterance.Words[i]) : -1;
                if (i < utterance.Words.Count && next == speaker) continue;
                var words = utterance.Words.Skip(start).Take(i - start).ToList();
                result.Add(new Utterance(
                    result.Count, Name(speaker), words[0].StartSeconds, words[^1].EndSeconds,
                    string.Join(' ', words.Select(w => w.Text)), words));
                (start, speaker) = (i, next);
            }
        }
        return result;

        int SpeakerOf(Word word) => speakerAt((word.StartSeconds + word.EndSeconds) / 2);

        string Name(int speaker)
        {
            if (!names.TryGetValue(speaker, out var name)) names[speaker] = name = $"Speaker {names.Count + 1}";
            return name;
        }
    }
}
