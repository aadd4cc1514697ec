using Whisper.net;

namespace Workflow.Engines.Whisper.Tests;

public class WhisperSegmentMapperTests
{
    /// <summary>A token as whisper.cpp reports it: times in hundredths of a second.</summary>
    private static WhisperToken Token(string text, long start, long end, float probability) =>
        new() { Text = text, Start = start, End = end, Probability = probability };

    private static WhisperToken Special(string text) => new() { Text = text, Start = -1, End = -1, Probability = 1 };

    private static SegmentData Segment(string text, double start, double end, params WhisperToken[] tokens) =>
        new(text, TimeSpan.FromSeconds(start), TimeSpan.FromSeconds(end), 0, 1, 0.9f, 0.01f, "en", tokens);

    [Fact]
    public void SubWordTokens_JoinIntoWords_WithTheirTimes_AndTheMeanProbability()
    {
        var segment = Segment(" I saw Penhale.", 1.0, 3.0,
            Special("[_BEG_]"),
            Token(" I", 100, 130, 0.99f),
            Token(" saw", 130, 170, 0.95f),
            Token(" Pen", 180, 230, 0.40f),
            Token("hale", 230, 280, 0.60f),
            Token(".", 280, 290, 0.90f),
            Special("[_TT_150]"),
            Special("<|endoftext|>"));

        var utterance = Assert.Single(WhisperSegmentMapper.Map([segment], 60));

        Assert.Equal("I saw Penhale.", utterance.Text);
        Assert.Equal(("Speaker 1", 1.0, 3.0), (utterance.Speaker, utterance.StartSeconds!.Value, utterance.EndSeconds!.Value));
        Assert.Equal(["I", "saw", "Penhale"], utterance.Words.Select(w => w.Text));
        var name = utterance.Words[2];
        Assert.Equal(1.8, name.StartSeconds, 6);
        Assert.Equal(2.9, name.EndSeconds, 6);
        // (0.40 + 0.60 + 0.90) / 3: the trailing full stop is one of the word's tokens.
        Assert.Equal(0.6333, name.Confidence, 3);
        Assert.Equal(0.99, utterance.Words[0].Confidence, 3);
    }

    [Fact]
    public void Segments_BecomeUtterances_InTimeOrder_NumberedFromZero()
    {
        var later = Segment(" Later words.", 5, 6, Token(" Later", 500, 540, 0.9f), Token(" words", 540, 590, 0.9f), Token(".", 590, 600, 0.9f));
        var first = Segment(" First.", 0.5, 1.5, Token(" First", 50, 140, 0.8f), Token(".", 140, 150, 0.8f));

        var utterances = WhisperSegmentMapper.Map([later, first], 60);

        Assert.Equal(["First.", "Later words."], utterances.Select(u => u.Text));
        Assert.Equal([0, 1], utterances.Select(u => u.Index));
    }

    [Theory]
    [InlineData(" [BLANK_AUDIO]")]
    [InlineData(" (wind blowing)")]
    [InlineData(" ...")]
    [InlineData("")]
    public void SegmentsWithoutSpeech_AreDropped(string text)
    {
        Assert.Empty(WhisperSegmentMapper.Map([Segment(text, 0, 2, Token(text, 0, 200, 0.5f))], 60));
    }

    [Fact]
    public void WithoutTokenTimes_WordsShareTheSegmentsTime_ByLength()
    {
        var segment = Segment(" ab abcd", 10, 16, Token(" ab", -1, -1, 0.5f), Token(" abcd", -1, -1, 0.5f));

        var words = Assert.Single(WhisperSegmentMapper.Map([segment], 60)).Words;

        Assert.Equal((10.0, 12.0), (words[0].StartSeconds, words[0].EndSeconds));
        Assert.Equal((12.0, 16.0), (words[1].StartSeconds, words[1].EndSeconds));
    }

    [Fact]
    public void WordTimes_StayInsideTheirSegment()
    {
        var segment = Segment(" Yes.", 2, 3, Token(" Yes", 150, 380, 0.7f), Token(".", 380, 390, 0.7f));

        var word = Assert.Single(Assert.Single(WhisperSegmentMapper.Map([segment], 60)).Words);

        Assert.Equal((2.0, 3.0), (word.StartSeconds, word.EndSeconds));
    }

    [Fact]
    public void EveryWord_IsFoundInOrder_InTheUtteranceText()
    {
        // A token that split a multi-byte character decodes to U+FFFD; the segment's whole text does not.
        // The word's text comes from the utterance text, so it is spelt as there and found where it is.
        var segment = Segment(" Café open, don't wait", 0, 3,
            Token(" Caf", 0, 40, 0.9f), Token("\uFFFD", 40, 60, 0.9f), Token(" open", 60, 100, 0.9f), Token(",", 100, 110, 0.9f),
            Token(" don", 120, 160, 0.9f), Token("'t", 160, 180, 0.9f), Token(" wait", 180, 240, 0.9f));

        var utterance = Assert.Single(WhisperSegmentMapper.Map([segment], 60));

        Assert.Equal(["Café", "open", "don't", "wait"], utterance.Words.Select(w => w.Text));
        var cursor = 0;
        foreach (var word in utterance.Words)
        {
            var at = utterance.Text.IndexOf(word.Text, cursor, StringComparison.Ordinal);
            Assert.True(at >= 0, word.Text);
            cursor = at + word.Text.Length;
        }
    }

    [Fact]
    public void ProbabilitiesOutsideZeroToOne_AreClamped()
    {
        var segment = Segment(" Odd", 0, 1, Token(" Odd", 0, 50, 1.2f));
        Assert.Equal(1.0, Assert.Single(Assert.Single(WhisperSegmentMapper.Map([segment], 60)).Words).Confidence);
    }

    [Fact]
    public void TimesPastTheEndOfTheRecording_AreCut_AndSegmentsThatStartThereDropped()
    {
        var segments = new[]
        {
            Segment(" Last words.", 8, 29.24, Token(" Last", 800, 900, 0.9f), Token(" words", 900, 1500, 0.9f), Token(".", 1500, 1510, 0.9f)),
            Segment(" Thank you.", 10.5, 12, Token(" Thank", 1050, 1100, 0.9f), Token(" you", 1100, 1200, 0.9f)),
        };

        var utterance = Assert.Single(WhisperSegmentMapper.Map(segments, 10.0));

        Assert.Equal((8.0, 10.0), (utterance.StartSeconds!.Value, utterance.EndSeconds!.Value));
        Assert.Equal((9.0, 10.0), (utterance.Words[1].StartSeconds, utterance.Words[1].EndSeconds));
    }

    [Fact]
    public void ADiarizer_NamesTheSpeakerOfEachStretchOfTime()
    {
        var segments = new[]
        {
            Segment(" Hello.", 0, 1, Token(" Hello", 0, 90, 0.9f)),
            Segment(" Hi there.", 1.2, 2.5, Token(" Hi", 120, 160, 0.9f), Token(" there", 160, 240, 0.9f)),
        };

        var utterances = WhisperSegmentMapper.Map(segments, 60, (start, _) => start < 1 ? "Speaker 1" : "Speaker 2");

        Assert.Equal(["Speaker 1", "Speaker 2"], utterances.Select(u => u.Speaker));
    }
}
