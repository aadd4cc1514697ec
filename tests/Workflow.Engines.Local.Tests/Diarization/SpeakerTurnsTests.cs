using Workflow.Domain.Transcripts;
using Workflow.Engines.Local.Diarization;

namespace Workflow.Engines.Local.Tests.Diarization;

public sealed class SpeakerTurnsTests
{
    private static Utterance U(int index, params Word[] words) =>
        new(index, "Speaker 1", words[0].StartSeconds, words[^1].EndSeconds, string.Join(' ', words.Select(w => w.Text)), words);

    private static Word W(string text, double start) => new(text, start, start + 0.4, 0.9);

    [Fact]
    public void Apply_SpeakerChangesInsideAnUtterance_SplitsItThere()
    {
        var utterances = new[] { U(0, W("how", 0), W("are", 0.5), W("you", 1), W("fine", 2), W("thanks", 2.5)) };

        var result = SpeakerTurns.Apply(utterances, t => t < 1.8 ? 7 : 4);

        Assert.Equal(2, result.Count);
        Assert.Equal((0, "Speaker 1", "how are you", 0.0, 1.4), (result[0].Index, result[0].Speaker, result[0].Text, result[0].StartSeconds!.Value, result[0].EndSeconds!.Value));
        Assert.Equal((1, "Speaker 2", "fine thanks", 2.0, 2.9), (result[1].Index, result[1].Speaker, result[1].Text, result[1].StartSeconds!.Value, result[1].EndSeconds!.Value));
        Assert.Equal(["fine", "thanks"], result[1].Words.Select(w => w.Text));
    }

    [Fact]
    public void Apply_NamesSpeakersInOrderOfFirstAppearance_AndRenumbersUtterances()
    {
        var utterances = new[] { U(0, W("a", 0)), U(1, W("b", 5)), U(2, W("c", 10)), U(3, W("d", 15)) };
        int[] clusters = [2, 0, 2, 1];

        var result = SpeakerTurns.Apply(utterances, t => clusters[(int)(t / 5)]);

        Assert.Equal(["Speaker 1", "Speaker 2", "Speaker 1", "Speaker 3"], result.Select(u => u.Speaker));
        Assert.Equal([0, 1, 2, 3], result.Select(u => u.Index));
    }

    [Fact]
    public void Apply_WordsGoByTheirMidpoint()
    {
        // The word runs 1.8-2.2: its midpoint (2.0) is in the second speaker's time though it starts in the first's.
        var utterances = new[] { U(0, W("one", 1.0), new Word("two", 1.8, 2.2, 1)) };

        var result = SpeakerTurns.Apply(utterances, t => t < 1.9 ? 0 : 1);

        Assert.Equal(["one", "two"], result.Select(u => u.Text));
    }

    [Fact]
    public void Apply_OneSpeaker_KeepsUtterancesAsTheyWere()
    {
        var utterances = new[] { U(0, W("a", 0), W("b", 1)), U(1, W("c", 4)) };

        var result = SpeakerTurns.Apply(utterances, _ => 5);

        Assert.Equal(utterances, result);
    }
}
