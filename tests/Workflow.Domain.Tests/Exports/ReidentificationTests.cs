using Workflow.Domain.Deidentification;
using Workflow.Domain.Exports;
using Workflow.Domain.Results;
using Workflow.Domain.Transcripts;
using Xunit;

namespace Workflow.Domain.Tests.Exports;

public sealed class ReidentificationTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Labels a text by the given (original words, label) pairs, as the pseudonymizer would, with key and redactions.</summary>
    private static (FinalTranscript Final, Transcript Original, List<RedactionKeyEntry> Key) Labelled(string original, params (string Words, string Label)[] spans)
    {
        var text = original;
        var redactions = new List<Redaction>();
        var key = new List<RedactionKeyEntry>();
        var shift = 0;
        foreach (var (words, label) in spans)
        {
            var at = original.IndexOf(words, StringComparison.Ordinal);
            var id = $"r0-{at}-{at + words.Length}";
            key.Add(new RedactionKeyEntry(id, 0, at, at + words.Length, words));
            redactions.Add(new Redaction(id, 0, at + shift, at + shift + label.Length, IdentifierKind.Person, label, 0.9, "test", false));
            text = text[..(at + shift)] + label + text[(at + shift + words.Length)..];
            shift += label.Length - words.Length;
        }
        var final = new FinalTranscript("rec-1", "s1", 1, 1, [new Utterance(0, "P001", 0, 5, text, [])], redactions, [], T0);
        return (final, new Transcript("rec-1", "test", [new Utterance(0, "P001", 0, 5, original, [])]), key);
    }

    private static CodedSegment Segment(FinalTranscript final, string from, string to)
    {
        var text = final.Utterances[0].Text;
        var start = text.IndexOf(from, StringComparison.Ordinal);
        var end = text.IndexOf(to, StringComparison.Ordinal) + to.Length;
        return new CodedSegment("s1", 0, start, end, "P001", [new AppliedCode("c1", "Code", CodeOrigin.Accepted, "coder", null)]);
    }

    [Fact]
    public void TheOriginalWordsReturn_AndASegmentAfterShorterAndLongerLabelsCoversTheSameWords()
    {
        var (final, original, key) = Labelled("Jo and Mr Bartholomew Smythe-Jones took me to Leeds in May.",
            ("Jo", "[Person 12]"), ("Mr Bartholomew Smythe-Jones", "[Person 3]"), ("Leeds", "[Place 1]"));
        final = final with { Segments = [Segment(final, "took", "[Place 1] in May.")] };

        var restored = Reidentification.Restore(final, original, key);

        Assert.Null(restored.Problem);
        var result = restored.Transcript!;
        Assert.Equal(original.Utterances[0].Text, result.Utterances[0].Text);
        Assert.Empty(result.Redactions);
        var s = result.Segments[0];
        Assert.Equal("took me to Leeds in May.", result.Utterances[0].Text[s.Start..s.End]);
    }

    [Fact]
    public void ASegmentBoundaryInsideALabel_TakesInAllOfTheWords()
    {
        var (final, original, key) = Labelled("I saw Kevin Ashby at the hostel.", ("Kevin Ashby", "[Person 1]"));
        var text = final.Utterances[0].Text;
        // Starts in the middle of the label and ends in the middle of it: both boundaries widen to the words.
        final = final with { Segments = [new CodedSegment("s1", 0, text.IndexOf("rson", StringComparison.Ordinal), text.IndexOf(" 1]", StringComparison.Ordinal), "P001", [])] };

        var s = Reidentification.Restore(final, original, key).Transcript!.Segments[0];

        Assert.Equal("Kevin Ashby", original.Utterances[0].Text[s.Start..s.End]);
    }

    [Fact]
    public void ATranscriptChangedSinceItWasVerified_IsRefused_NotHalfRestored()
    {
        var (final, _, key) = Labelled("I saw Kevin Ashby at the hostel.", ("Kevin Ashby", "[Person 1]"));
        var retranscribed = new Transcript("rec-1", "test", [new Utterance(0, "P001", 0, 5, "I saw Kevin Ashby at the hospital.", [])]);

        var restored = Reidentification.Restore(final, retranscribed, key);

        Assert.Null(restored.Transcript);
        Assert.Contains("utterance 0 differs from the original", restored.Problem);
    }

    [Fact]
    public void ARedactionMissingFromTheKey_IsRefused()
    {
        var (final, original, _) = Labelled("I saw Kevin Ashby at the hostel.", ("Kevin Ashby", "[Person 1]"));

        var restored = Reidentification.Restore(final, original, []);

        Assert.Contains("is not in the pseudonym key", restored.Problem);
    }

    [Fact]
    public void SpeakerLabelsComeBackFromTheOriginal()
    {
        var (final, original, key) = Labelled("Hello there.");
        final = final with
        {
            Utterances = [final.Utterances[0] with { Speaker = "[Person 2]" }],
            Segments = [new CodedSegment("s1", 0, 0, 5, "[Person 2]", [])],
        };
        original = original with { Utterances = [original.Utterances[0] with { Speaker = "Maureen" }] };

        var result = Reidentification.Restore(final, original, key).Transcript!;

        Assert.Equal("Maureen", result.Utterances[0].Speaker);
        Assert.Equal("Maureen", result.Segments[0].Speaker);
    }
}
