using Workflow.Domain.Deidentification;
using Workflow.Domain.Transcripts;

namespace Workflow.Domain.Tests.Deidentification;

public class PseudonymizerTests
{
    private static IdentifierFinding Person(int utterance, string text, string source, string key, double confidence = 1.0)
    {
        var start = source.IndexOf(text, StringComparison.Ordinal);
        return new IdentifierFinding(utterance, start, start + text.Length, IdentifierKind.Person, text, key, confidence, "test");
    }

    [Fact]
    public void Apply_SameEntityInTwoUtterances_GetsTheSameLabel()
    {
        const string a = "I met Stuart at the centre.";
        const string b = "Stuart Penhale chairs the panel.";
        var transcript = new Transcript("rec-1", "test", [Utterance.Untimed(0, "P1", a), Utterance.Untimed(1, "P2", b)]);
        var registry = new PseudonymRegistry("study");

        var result = Pseudonymizer.Apply(transcript, "study", 1,
            [Person(0, "Stuart", a, "id:stuart"), Person(1, "Stuart Penhale", b, "id:stuart")], registry, 0.9);

        Assert.Equal("I met [PERSON_1] at the centre.", result.Transcript.Utterances[0].Text);
        Assert.Equal("[PERSON_1] chairs the panel.", result.Transcript.Utterances[1].Text);
        Assert.Equal(["Stuart", "Stuart Penhale"], result.Key.Select(k => k.OriginalText));
    }

    [Fact]
    public void Apply_OverlappingFindings_KeepsTheLongestSpan()
    {
        const string text = "Call Dave Pickering now";
        var transcript = new Transcript("rec-1", "test", [Utterance.Untimed(0, "P1", text)]);

        var result = Pseudonymizer.Apply(transcript, "study", 1,
            [Person(0, "Dave", text, "dave"), Person(0, "Dave Pickering", text, "dave pickering")], new PseudonymRegistry("study"), 0.9);

        Assert.Equal("Call [PERSON_1] now", result.Transcript.Utterances[0].Text);
        var redaction = Assert.Single(result.Transcript.Redactions);
        Assert.Equal("[PERSON_1]", result.Transcript.Utterances[0].Text[redaction.Start..redaction.End]);
    }

    [Fact]
    public void Apply_LowConfidence_RedactsButAsksForConfirmation()
    {
        const string text = "Hope is what keeps me going";
        var transcript = new Transcript("rec-1", "test", [Utterance.Untimed(0, "P1", text)]);

        var result = Pseudonymizer.Apply(transcript, "study", 1, [Person(0, "Hope", text, "hope", 0.5)], new PseudonymRegistry("study"), 0.9);

        Assert.StartsWith("[PERSON_1]", result.Transcript.Utterances[0].Text);
        Assert.True(Assert.Single(result.Transcript.Redactions).NeedsConfirmation);
    }

    [Fact]
    public void Apply_UndoneRedaction_LeavesTheWordsAsSpoken()
    {
        const string text = "Hope is what keeps me going";
        var transcript = new Transcript("rec-1", "test", [Utterance.Untimed(0, "P1", text)]);
        var finding = Person(0, "Hope", text, "hope", 0.5);

        var result = Pseudonymizer.Apply(transcript, "study", 1, [finding], new PseudonymRegistry("study"), 0.9,
            new HashSet<string> { Pseudonymizer.RedactionId(finding) });

        Assert.Equal(text, result.Transcript.Utterances[0].Text);
        Assert.Empty(result.Transcript.Redactions);
    }

    [Fact]
    public void Apply_TimedWords_ReplacesIdentifyingWordsWithOneTimedLabel()
    {
        const string text = "my name is stuart penhale ok";
        Word[] words = [new("my", 0, 1, 1), new("name", 1, 2, 1), new("is", 2, 3, 1), new("stuart", 3, 4, 0.8), new("penhale", 4, 5, 0.6), new("ok", 5, 6, 1)];
        var transcript = new Transcript("rec-1", "test", [new Utterance(0, "Speaker 1", 0, 6, text, words)]);

        var result = Pseudonymizer.Apply(transcript, "study", 1, [Person(0, "stuart penhale", text, "id:1")], new PseudonymRegistry("study"), 0.9);

        var redactedWords = result.Transcript.Utterances[0].Words;
        Assert.Equal(["my", "name", "is", "[PERSON_1]", "ok"], redactedWords.Select(w => w.Text));
        Assert.Equal((3.0, 5.0, 0.6), (redactedWords[3].StartSeconds, redactedWords[3].EndSeconds, redactedWords[3].Confidence));
    }

    [Fact]
    public void Apply_SpeakerLabelFinding_ReplacesTheSpeakerName()
    {
        var transcript = new Transcript("rec-1", "test", [Utterance.Untimed(0, "DARREN", "I was seventeen.")]);
        var finding = new IdentifierFinding(0, 0, 6, IdentifierKind.Person, "DARREN", "id:darren", 1, "test", FindingField.Speaker);

        var result = Pseudonymizer.Apply(transcript, "study", 1, [finding], new PseudonymRegistry("study"), 0.9);

        Assert.Equal("[PERSON_1]", result.Transcript.Utterances[0].Speaker);
        Assert.Equal("DARREN", Assert.Single(result.Key).OriginalText);
    }
}
