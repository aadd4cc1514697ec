using Workflow.Domain.Coding;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Transcripts;

namespace Workflow.Domain.Tests.Coding;

public class SegmenterTests
{
    private static DeidentifiedTranscript Transcript(params (string Speaker, string Text)[] turns) =>
        new("rec-1", "study", 1, turns.Select((t, i) => Utterance.Untimed(i, t.Speaker, t.Text)).ToList(), []);

    private static string Sentence(int words, char end = '.') =>
        string.Join(' ', Enumerable.Range(1, words).Select(i => $"w{i}")) + end;

    private static void AssertOffsetsDelimitText(DeidentifiedTranscript transcript, IEnumerable<Segment> segments)
    {
        foreach (var s in segments)
        {
            Assert.Equal(transcript.Utterances.Single(u => u.Index == s.UtteranceIndex).Text[s.Start..s.End], s.Text);
            Assert.Equal(s.Text.Trim(), s.Text);
        }
    }

    [Fact]
    public void Split_ShortTurn_IsOneSegmentCoveringTheTrimmedText()
    {
        var transcript = Transcript(("Participant", "  I went to the clinic every single week.  "));

        var segment = Assert.Single(Segmenter.Split(transcript, SegmentationOptions.Default));

        Assert.Equal(new Segment("0.0", 0, 2, 41, "Participant", "I went to the clinic every single week.", true), segment);
    }

    [Theory]
    [InlineData("Interviewer")]
    [InlineData("facilitator")]
    [InlineData("MODERATOR")]
    [InlineData("I")]
    public void Split_ResearcherTurn_IsASegmentButNotCodable(string speaker)
    {
        var transcript = Transcript((speaker, "How did you first come to the service, and who referred you?"));

        var segment = Assert.Single(Segmenter.Split(transcript, SegmentationOptions.Default));

        Assert.False(segment.Codable);
    }

    [Theory]
    [InlineData("Yeah, definitely.", false)]
    [InlineData("one two three four five", false)]
    [InlineData("one two three four five six", true)]
    public void Split_ParticipantTurn_IsCodableFromMinCodableWords(string text, bool codable)
    {
        var segment = Assert.Single(Segmenter.Split(Transcript(("P1", text)), SegmentationOptions.Default));

        Assert.Equal(codable, segment.Codable);
    }

    [Fact]
    public void Split_CustomNonCodableSpeakers_ReplaceTheDefaults()
    {
        var options = new SegmentationOptions { NonCodableSpeakers = ["Doctor"], MinCodableWords = 1 };
        var transcript = Transcript(("Doctor", "How are you?"), ("Interviewer", "And you?"));

        var segments = Segmenter.Split(transcript, options);

        Assert.Equal([false, true], segments.Select(s => s.Codable));
    }

    [Fact]
    public void Split_LongTurn_SplitsIntoRunsOfWholeSentencesWithinMaxWords()
    {
        var text = $"{Sentence(4)} {Sentence(4, '?')} {Sentence(4, '!')} {Sentence(4)}";
        var transcript = Transcript(("Interviewer", "Go on."), ("Participant", text));

        var segments = Segmenter.Split(transcript, new SegmentationOptions { MaxWords = 9, MinCodableWords = 1 })
            .Where(s => s.UtteranceIndex == 1).ToList();

        Assert.Equal(["1.0", "1.1"], segments.Select(s => s.Id));
        Assert.Equal($"{Sentence(4)} {Sentence(4, '?')}", segments[0].Text);
        Assert.Equal($"{Sentence(4, '!')} {Sentence(4)}", segments[1].Text);
        Assert.All(segments, s => Assert.Equal("Participant", s.Speaker));
        AssertOffsetsDelimitText(transcript, segments);
    }

    [Fact]
    public void Split_DefaultLimit_KeepsEachPartAtMost150Words()
    {
        var text = string.Join("  ", Enumerable.Range(0, 40).Select(i => Sentence(7 + i % 5)));
        var transcript = Transcript(("Participant", text));

        var segments = Segmenter.Split(transcript, SegmentationOptions.Default);

        Assert.True(segments.Count > 1);
        Assert.All(segments, s => Assert.InRange(s.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length, 1, 150));
        Assert.Equal(text.Split(' ', StringSplitOptions.RemoveEmptyEntries), segments.SelectMany(s => s.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        AssertOffsetsDelimitText(transcript, segments);
    }

    [Fact]
    public void Split_SingleSentenceOverTheLimit_StaysOneSegment()
    {
        var text = $"{Sentence(3)} {Sentence(12)} {Sentence(3)}";
        var transcript = Transcript(("P2", text));

        var segments = Segmenter.Split(transcript, new SegmentationOptions { MaxWords = 5 });

        Assert.Equal([Sentence(3), Sentence(12), Sentence(3)], segments.Select(s => s.Text));
        Assert.Equal(["0.0", "0.1", "0.2"], segments.Select(s => s.Id));
    }

    [Fact]
    public void Split_TurnWithoutSentenceBreaks_StaysOneSegment()
    {
        var segments = Segmenter.Split(Transcript(("P2", Sentence(30, ','))), new SegmentationOptions { MaxWords = 5 });

        Assert.Single(segments);
    }

    [Theory]
    [InlineData("I saw Dr. [PERSON_3] and Mr. [PERSON_4] there.")]
    [InlineData("Things like methadone, e.g. on a script, matter.")]
    [InlineData("We met at [ORG_1. Centre] most weeks then.")]
    [InlineData("It cost 3.50 a week back then, honestly.")]
    [InlineData("The site was example.org and so on, really.")]
    public void Split_AbbreviationsLabelsAndNumbers_DoNotEndASentence(string sentence)
    {
        var transcript = Transcript(("P1", $"{sentence} {sentence}"));

        var segments = Segmenter.Split(transcript, new SegmentationOptions { MaxWords = 9 });

        Assert.Equal([sentence, sentence], segments.Select(s => s.Text));
    }

    [Fact]
    public void Split_RedactionSpan_IsNeverCut()
    {
        const string text = "I stayed at St Anne's. House for a year. Then I moved on again.";
        var label = text.IndexOf("St Anne's. House", StringComparison.Ordinal);
        var transcript = new DeidentifiedTranscript("rec-1", "study", 1, [Utterance.Untimed(0, "P1", text)],
            [new Redaction("r1", 0, label, label + "St Anne's. House".Length, IdentifierKind.Location, "[LOCATION_1]", 1, "test", false)]);

        var segments = Segmenter.Split(transcript, new SegmentationOptions { MaxWords = 8 });

        Assert.Equal(["I stayed at St Anne's. House for a year.", "Then I moved on again."], segments.Select(s => s.Text));
    }

    [Fact]
    public void Split_ClosingQuoteAfterTheFullStop_StaysWithItsSentence()
    {
        var transcript = Transcript(("P1", "He said \"come back tomorrow.\" So I did."));

        var segments = Segmenter.Split(transcript, new SegmentationOptions { MaxWords = 4 });

        Assert.Equal(["He said \"come back tomorrow.\"", "So I did."], segments.Select(s => s.Text));
    }

    [Fact]
    public void Split_SegmentIds_UseTheUtteranceIndex()
    {
        var transcript = new DeidentifiedTranscript("rec-1", "study", 1,
            [Utterance.Untimed(3, "P1", "First turn here."), Utterance.Untimed(7, "P2", "Second turn here.")], []);

        var segments = Segmenter.Split(transcript, SegmentationOptions.Default);

        Assert.Equal(["3.0", "7.0"], segments.Select(s => s.Id));
        Assert.Equal([3, 7], segments.Select(s => s.UtteranceIndex));
    }

    [Fact]
    public void Split_BlankUtterance_GivesNoSegment()
    {
        Assert.Empty(Segmenter.Split(Transcript(("P1", "   ")), SegmentationOptions.Default));
    }

    [Fact]
    public void Split_InvalidOptions_Throw()
    {
        var transcript = Transcript(("P1", "Hello."));

        Assert.Throws<ArgumentOutOfRangeException>(() => Segmenter.Split(transcript, new SegmentationOptions { MaxWords = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Segmenter.Split(transcript, new SegmentationOptions { MinCodableWords = -1 }));
    }
}
