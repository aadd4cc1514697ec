using Workflow.Domain.Transcripts;
using Workflow.Engines.Local.Transcription;

namespace Workflow.Engines.Local.Tests.Transcription;

public sealed class UtteranceBuilderTests
{
    private static Word W(string text, double start, double end) => new(text, start, end, 0.5);

    [Fact]
    public void Build_EachSegment_BecomesOneUtteranceOfSpeakerOne()
    {
        var utterances = UtteranceBuilder.Build([[W("hello", 0.1, 0.5), W("there", 0.6, 1.0)], [W("yes", 2.0, 2.3)]], 30);

        Assert.Equal(2, utterances.Count);
        Assert.Equal([0, 1], utterances.Select(u => u.Index));
        Assert.All(utterances, u => Assert.Equal("Speaker 1", u.Speaker));
        Assert.Equal("hello there", utterances[0].Text);
        Assert.Equal((0.1, 1.0), (utterances[0].StartSeconds!.Value, utterances[0].EndSeconds!.Value));
    }

    [Fact]
    public void Build_Text_IsWordsJoinedBySingleSpacesSoOffsetsAreRecoverable()
    {
        var words = new[] { W("the", 0, 0.2), W("the", 0.3, 0.5), W("end", 0.6, 0.9) };

        var utterance = UtteranceBuilder.Build([words], 30).Single();

        var cursor = 0;
        foreach (var word in utterance.Words)
        {
            var at = utterance.Text.IndexOf(word.Text, cursor, StringComparison.Ordinal);
            Assert.Equal(cursor, at);
            cursor = at + word.Text.Length + 1;
        }
        Assert.Equal(utterance.Text.Length + 1, cursor);
    }

    [Fact]
    public void Build_SegmentLongerThanLimit_IsSplitAtItsLargestPause()
    {
        // 40 s of words 0.5 s long with 0.1 s gaps, and one 1.5 s pause after the word starting at 12 s.
        var words = new List<Word>();
        for (var t = 0.0; t < 40; t += 0.6)
        {
            words.Add(W("w", t, t + 0.5));
            if (Math.Abs(t - 12) < 0.01) t += 1.5;
        }

        var utterances = UtteranceBuilder.Build([words], 30);

        Assert.Equal(2, utterances.Count);
        Assert.Equal(12.5, utterances[0].EndSeconds!.Value, 3);
        Assert.All(utterances, u => Assert.True(u.EndSeconds - u.StartSeconds <= 30));
        Assert.Equal(words.Count, utterances.Sum(u => u.Words.Count));
    }

    [Fact]
    public void Build_VeryLongSegment_IsSplitUntilEveryPartFits()
    {
        var words = Enumerable.Range(0, 300).Select(i => W("w", i * 0.5, i * 0.5 + 0.4)).ToList();

        var utterances = UtteranceBuilder.Build([words], 30);

        Assert.All(utterances, u => Assert.True(u.EndSeconds - u.StartSeconds <= 30));
        Assert.Equal(words, utterances.SelectMany(u => u.Words));
    }

    [Fact]
    public void Build_SegmentsOutOfOrder_AreOrderedByTimeAndEmptyOnesDropped()
    {
        var utterances = UtteranceBuilder.Build([[W("later", 5, 6)], [], [W("first", 1, 2)]], 30);

        Assert.Equal(["first", "later"], utterances.Select(u => u.Text));
    }
}
