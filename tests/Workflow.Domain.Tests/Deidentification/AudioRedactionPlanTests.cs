using Workflow.Domain.Deidentification;
using Workflow.Domain.Transcripts;

namespace Workflow.Domain.Tests.Deidentification;

public class AudioRedactionPlanTests
{
    /// <summary>An utterance whose text is its words joined, each word 0.5 s long from <paramref name="start"/>.</summary>
    private static Utterance Spoken(int index, double start, params string[] words)
    {
        var timed = words.Select((w, i) => new Word(w, start + i * 0.5, start + i * 0.5 + 0.4, 0.9)).ToList();
        return new Utterance(index, "Speaker 1", start, start + words.Length * 0.5, string.Join(' ', words), timed);
    }

    private static RedactionKeyEntry Redaction(Utterance utterance, string text, int occurrence = 0)
    {
        var at = -1;
        for (var i = 0; i <= occurrence; i++) at = utterance.Text.IndexOf(text, at + 1, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{text}' is not in '{utterance.Text}'");
        return new RedactionKeyEntry($"r{utterance.Index}-{at}", utterance.Index, at, at + text.Length, text);
    }

    private static Transcript Of(params Utterance[] utterances) => new("r1", "test", utterances);

    [Fact]
    public void ARedactedName_IsCoveredFromItsFirstWordToItsLast_WidenedByThePadding()
    {
        var u = Spoken(0, 10, "I", "saw", "Dave", "Pickering", "yesterday");
        var plan = AudioRedactionPlan.Build(Of(u), [Redaction(u, "Dave Pickering")], padSeconds: 0.1);

        var span = Assert.Single(plan!);
        Assert.Equal(10.9, span.StartSeconds, 3); // "Dave" starts at 11.0
        Assert.Equal(12.0, span.EndSeconds, 3);   // "Pickering" ends at 11.9
    }

    [Fact]
    public void DisplayTextThatDiffersFromTheWords_IsCoveredBetweenTheNeighboursThatLineUp()
    {
        // The recogniser heard "oh one nine one"; the display text writes digits and punctuation.
        var words = new[] { "ring", "oh", "one", "nine", "one", "now" }.Select((w, i) => new Word(w, i, i + 0.8, 0.9)).ToList();
        var u = new Utterance(0, "Speaker 1", 0, 6, "Ring 0191, now.", words);
        var plan = AudioRedactionPlan.Build(Of(u), [Redaction(u, "0191")], padSeconds: 0);

        var span = Assert.Single(plan!);
        Assert.Equal(0.8, span.StartSeconds, 3); // end of "ring"
        Assert.Equal(5.0, span.EndSeconds, 3);   // start of "now"
    }

    [Fact]
    public void CaseAndPunctuation_DoNotStopWordsLiningUp()
    {
        var words = new[] { "thanks", "kevin", "that's", "right" }.Select((w, i) => new Word(w, i, i + 0.5, 0.9)).ToList();
        var u = new Utterance(0, "Speaker 1", 0, 4, "Thanks, Kevin. That's right.", words);
        var span = Assert.Single(AudioRedactionPlan.Build(Of(u), [Redaction(u, "Kevin")], 0)!);
        Assert.Equal((1.0, 1.5), (span.StartSeconds, span.EndSeconds));
    }

    [Fact]
    public void ARedactionAtTheStartOrEnd_WithNoLinedUpNeighbour_RunsToTheUtterancesBounds()
    {
        var words = new[] { new Word("hello", 3.0, 3.4, 0.9) };
        var u = new Utterance(0, "Speaker 1", 2.0, 5.0, "Tank hello Ms Zed", words);
        var plan = AudioRedactionPlan.Build(Of(u), [Redaction(u, "Tank"), Redaction(u, "Ms Zed")], 0)!;
        Assert.Equal([(2.0, 3.0), (3.4, 5.0)], plan.Select(s => (s.StartSeconds, s.EndSeconds)));
    }

    [Fact]
    public void CloseSpans_AreJoined_AndSpansComeInTimeOrder()
    {
        var a = Spoken(0, 0, "Jo", "and", "Kev", "came");
        var b = Spoken(1, 20, "later", "Mo");
        var plan = AudioRedactionPlan.Build(Of(a, b), [Redaction(b, "Mo"), Redaction(a, "Kev"), Redaction(a, "Jo")], 0)!;
        // "Jo" 0-0.4 and "Kev" 1.0-1.4 are 0.6 s apart: two spans; "Mo" is far later.
        Assert.Equal([(0.0, 0.4), (1.0, 1.4), (20.5, 20.9)], plan.Select(s => (s.StartSeconds, Math.Round(s.EndSeconds, 3))));

        var joined = AudioRedactionPlan.Build(Of(a), [Redaction(a, "Jo"), Redaction(a, "Kev")], padSeconds: 0.2)!;
        Assert.Single(joined);
    }

    [Fact]
    public void AWordSpokenTwice_IsLinedUpInOrder_SoTheSecondMentionGetsTheSecondTime()
    {
        var u = Spoken(0, 0, "Mo", "said", "Mo", "knows");
        var span = Assert.Single(AudioRedactionPlan.Build(Of(u), [Redaction(u, "Mo", occurrence: 1)], 0)!);
        Assert.Equal((1.0, 1.4), (span.StartSeconds, span.EndSeconds));
    }

    [Fact]
    public void AnUtteranceWithoutWords_IsCoveredWhole_WhenItHasTimes()
    {
        var u = new Utterance(0, "Speaker 1", 4, 9, "I'm Tank", []);
        var span = Assert.Single(AudioRedactionPlan.Build(Of(u), [Redaction(u, "Tank")], 0)!);
        Assert.Equal((4.0, 9.0), (span.StartSeconds, span.EndSeconds));
    }

    [Fact]
    public void ARedactionThatCannotBePlacedInTime_GivesNoPlan()
    {
        var untimed = Utterance.Untimed(0, "P1", "I'm Tank");
        Assert.Null(AudioRedactionPlan.Build(Of(untimed), [Redaction(untimed, "Tank")], 0));
        Assert.Null(AudioRedactionPlan.Build(Of(untimed), [new RedactionKeyEntry("x", 5, 0, 1, "T")], 0));
    }

    [Fact]
    public void NothingRedacted_IsAnEmptyPlan_EvenWithoutTimes()
    {
        Assert.Empty(AudioRedactionPlan.Build(Of(Utterance.Untimed(0, "P1", "nothing here")), [], 0)!);
    }
}
