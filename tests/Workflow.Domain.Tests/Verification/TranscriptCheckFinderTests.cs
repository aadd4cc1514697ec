using Workflow.Domain.Deidentification;
using Workflow.Domain.Transcripts;
using Workflow.Domain.Verification;

namespace Workflow.Domain.Tests.Verification;

public class TranscriptCheckFinderTests
{
    private static readonly TranscriptCheckOptions Options = new() { TranscriptCheckBelow = 0.5, JoinAcrossWords = 2, ContextWords = 1, MaxPassageWords = 40 };

    /// <summary>A timed turn of one word per second from <paramref name="start"/>, with the given confidences.</summary>
    private static Utterance Turn(int index, double start, params (string Text, double Confidence)[] words) => new(
        index, "Speaker 1", start, start + words.Length, string.Join(' ', words.Select(w => w.Text)),
        words.Select((w, i) => new Word(w.Text, start + i, start + i + 0.9, w.Confidence)).ToList());

    private static DeidentifiedTranscript Of(params Utterance[] turns) => new("rec-1", "study-a", 1, turns, []);

    private static (string, double) Sure(string text) => (text, 0.95);
    private static (string, double) Unsure(string text, double confidence = 0.2) => (text, confidence);

    [Fact]
    public void Find_OneDoubtfulWord_GivesAPassagePaddedByAWordEachSide()
    {
        var transcript = Of(Turn(0, 10, Sure("we"), Sure("went"), Unsure("tow"), Sure("the"), Sure("clinic")));

        var passage = Assert.Single(TranscriptCheckFinder.Find(transcript, Options));

        Assert.Equal((0, 1, 3), (passage.UtteranceIndex, passage.FirstWord, passage.LastWord));
        Assert.Equal("went tow the", transcript.Utterances[0].Text[passage.Start..passage.End]);
        Assert.Equal((11, 13.9), (passage.StartSeconds, passage.EndSeconds));
    }

    [Fact]
    public void Find_RunsSeparatedByTwoConfidentWords_AreJoined_ByThree_AreNot()
    {
        var joined = Of(Turn(0, 0, Unsure("a"), Sure("b"), Sure("c"), Unsure("d"), Sure("e"), Sure("f"), Sure("g"), Sure("h"), Sure("i"), Sure("j")));
        var apart = Of(Turn(0, 0, Unsure("a"), Sure("b"), Sure("c"), Sure("d"), Unsure("e"), Sure("f"), Sure("g"), Sure("h"), Sure("i"), Sure("j")));
        var noContext = Options with { ContextWords = 0 };

        Assert.Equal([(0, 3)], TranscriptCheckFinder.Find(joined, noContext).Select(p => (p.FirstWord, p.LastWord)));
        Assert.Equal([(0, 0), (4, 4)], TranscriptCheckFinder.Find(apart, noContext).Select(p => (p.FirstWord, p.LastWord)));
    }

    [Fact]
    public void Find_ContextThatMakesTwoPassagesTouch_GivesOne()
    {
        var transcript = Of(Turn(0, 0, Unsure("a"), Sure("b"), Sure("c"), Sure("d"), Unsure("e"), Sure("f")));

        var passage = Assert.Single(TranscriptCheckFinder.Find(transcript, Options with { JoinAcrossWords = 0, ContextWords = 2 }));

        Assert.Equal((0, 5), (passage.FirstWord, passage.LastWord));
    }

    [Fact]
    public void Find_NeverCrossesTurns()
    {
        var transcript = Of(Turn(0, 0, Sure("a"), Unsure("b")), Turn(1, 2, Unsure("c"), Sure("d")));

        Assert.Equal([(0, 0, 1), (1, 0, 1)], TranscriptCheckFinder.Find(transcript, Options).Select(p => (p.UtteranceIndex, p.FirstWord, p.LastWord)));
    }

    [Fact]
    public void Find_LongDoubtfulStretch_IsCutIntoPassagesOfTheLongestLength()
    {
        var transcript = Of(Turn(0, 0, Enumerable.Range(0, 25).Select(i => Unsure($"w{i}")).ToArray()));

        var passages = TranscriptCheckFinder.Find(transcript, Options with { MaxPassageWords = 10 });

        Assert.Equal([(0, 9), (10, 19), (20, 24)], passages.Select(p => (p.FirstWord, p.LastWord)));
    }

    [Fact]
    public void Find_RecordingOfLittleButDoubt_IsBoundedPerMinute_KeepingTheMostDoubtfulInTranscriptOrder()
    {
        // 60 one-word turns over a minute, every other one doubtful: 30 passages found, the bound is max(5, 2 per minute).
        var turns = Enumerable.Range(0, 60)
            .Select(i => Turn(i, i, i % 2 == 0 ? Unsure($"w{i}", i == 40 ? 0.05 : i == 8 ? 0.1 : 0.3) : Sure($"w{i}")))
            .ToArray();
        var options = Options with { MaxPassagesPerMinute = 2, MinPassagesPerRecording = 2 };

        var passages = TranscriptCheckFinder.Find(Of(turns), options);

        Assert.Equal([8, 40], passages.Select(p => p.UtteranceIndex));
    }

    [Fact]
    public void Find_Bound_GrowsWithTheLengthOfTheRecording()
    {
        // Ten minutes, a doubtful turn every 20 s: 30 passages, bound 2 per minute = 20.
        var turns = Enumerable.Range(0, 30).Select(i => Turn(i, i * 20, Sure("a"), Unsure("b"), Sure("c"))).ToArray();

        Assert.Equal(20, TranscriptCheckFinder.Find(Of(turns), Options).Count);
    }

    [Fact]
    public void Find_TurnWithoutWords_ImportedText_GivesNothing()
    {
        var transcript = Of(Utterance.Untimed(0, "P017", "It was hard to get an appointment."));

        Assert.Empty(TranscriptCheckFinder.Find(transcript, Options));
    }

    [Fact]
    public void Find_WordsThatCannotBeLinedUpWithTheText_GiveNothingForThatTurn()
    {
        var turn = Turn(0, 0, Unsure("tow"), Sure("the"));

        Assert.Empty(TranscriptCheckFinder.Find(Of(turn with { Text = "two the" }), Options));
    }

    [Fact]
    public void Find_ThresholdZero_TurnsChecksOff()
    {
        Assert.Empty(TranscriptCheckFinder.Find(Of(Turn(0, 0, Unsure("a", 0))), Options with { TranscriptCheckBelow = 0 }));
    }

    [Fact]
    public void Find_LabelOfARedactedName_StaysInThePassageAsALabel()
    {
        // As the pseudonymizer leaves it: the name's words are one token holding the label.
        var transcript = Of(Turn(0, 0, Sure("I"), Sure("saw"), Unsure("[PERSON_1]"), Unsure("yesterday")));

        var passage = Assert.Single(TranscriptCheckFinder.Find(transcript, Options));

        Assert.Equal("saw [PERSON_1] yesterday", transcript.Utterances[0].Text[passage.Start..passage.End]);
    }

    [Fact]
    public void Find_MeanConfidence_IsOverThePassagesWords()
    {
        var transcript = Of(Turn(0, 0, ("a", 0.8), ("b", 0.2), ("c", 0.5)));

        Assert.Equal(0.5, Assert.Single(TranscriptCheckFinder.Find(transcript, Options)).MeanConfidence, 4);
    }
}
