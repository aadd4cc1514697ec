using Workflow.Domain.Coding;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Results;
using Workflow.Domain.Transcripts;
using Workflow.Domain.Verification;

namespace Workflow.Domain.Tests.Results;

public class TranscriptCorrectionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    // "I met Hope at the centre. We talk about housing." with "Hope" a listed name, "met" and "talk" doubtful.
    private const string Text = "I met Hope at the centre. We talk about housing.";
    private static readonly string[] Spoken = ["I", "met", "Hope", "at", "the", "centre.", "We", "talk", "about", "housing."];
    private static readonly double[] Confidence = [0.9, 0.3, 0.9, 0.9, 0.9, 0.9, 0.9, 0.2, 0.9, 0.9];

    private static readonly Transcript Original = new("rec-1", "local", [
        new Utterance(0, "Speaker 2", 0, 10, Text, Spoken.Select((w, i) => new Word(w, i, i + 0.9, Confidence[i])).ToList()),
        Utterance.Untimed(1, "Speaker 1", "Thank you."),
    ]);

    private static readonly IdentifierFinding Hope = new(0, 6, 10, IdentifierKind.Person, "Hope", "hope", 0.6, "names");

    private static DeidentificationResult Deidentify(IReadOnlySet<string>? undone = null) =>
        Pseudonymizer.Apply(Original, "study-a", 1, [Hope], new PseudonymRegistry("study-a"), 0.9, undone);

    private static List<VerificationItem> Checks(DeidentifiedTranscript firstPass) =>
        VerificationItemFactory.ForTranscriptChecks(firstPass, new TranscriptCheckOptions(), id => id, Now).ToList();

    private static VerificationItem Corrected(VerificationItem item, string text) => item with
    {
        Status = VerificationItemStatus.Decided,
        Decision = new VerificationDecision(DecisionAction.Correct, null, null, "coder-a", Now, CorrectedText: text),
    };

    private static List<Segment> Segments(DeidentifiedTranscript firstPass)
    {
        var text = firstPass.Utterances[0].Text;
        var second = text.IndexOf("We", StringComparison.Ordinal);
        return [
            new Segment("0.0", 0, 0, second - 1, "Speaker 2", text[..(second - 1)], true),
            new Segment("0.1", 0, second, text.Length, "Speaker 2", text[second..], true),
        ];
    }

    [Fact]
    public void Checks_AreTheTwoDoubtfulPassages_InDeidentifiedText()
    {
        Assert.Equal(["I met [PERSON_1]", "We talk about"], Checks(Deidentify().Transcript).Select(i => i.Context));
    }

    [Fact]
    public void Build_Correction_ReplacesThePassage_AndMovesLaterSegmentsAndWords()
    {
        var first = Deidentify().Transcript;
        var checks = Checks(first);
        var items = new[] { Corrected(checks[1], "We talked\n about") };

        var final = FinalTranscriptBuilder.Build(first, first, Segments(first), items, null, new Dictionary<string, int>(), Now);

        var turn = final.Utterances[0];
        Assert.Equal("I met [PERSON_1] at the centre. We talked about housing.", turn.Text);
        Assert.Equal("We talked about housing.", turn.Text[final.Segments[1].Start..final.Segments[1].End]);
        Assert.Equal("I met [PERSON_1] at the centre.", turn.Text[final.Segments[0].Start..final.Segments[0].End]);
        Assert.Equal(["I", "met", "[PERSON_1]", "at", "the", "centre.", "We talked about", "housing."], turn.Words.Select(w => w.Text));
        Assert.Equal((6, 8.9), (turn.Words[6].StartSeconds, turn.Words[6].EndSeconds));
    }

    [Fact]
    public void Build_ConfirmedCheck_ChangesNothing()
    {
        var first = Deidentify().Transcript;
        var confirmed = Checks(first)[0] with
        {
            Status = VerificationItemStatus.Decided,
            Decision = new VerificationDecision(DecisionAction.Confirm, null, null, "coder-a", Now),
        };

        var final = FinalTranscriptBuilder.Build(first, first, Segments(first), [confirmed], null, new Dictionary<string, int>(), Now);

        Assert.Equal(first.Utterances.Select(u => u.Text), final.Utterances.Select(u => u.Text));
    }

    [Fact]
    public void Build_CorrectionOverALabel_TakesTheLabelsPlace_AndLaterLabelsMove()
    {
        var first = Deidentify().Transcript;
        var final = FinalTranscriptBuilder.Build(first, first, Segments(first), [Corrected(Checks(first)[0], "I met [PERSON_1]")],
            null, new Dictionary<string, int>(), Now);

        Assert.Equal(first.Utterances[0].Text, final.Utterances[0].Text);
        Assert.Empty(final.Redactions); // the label is the coder's text now, not a redaction of the engine's
    }

    [Fact]
    public void Build_CorrectionAfterAnUndoneRedaction_LandsOnThePassageInTheRestoredText()
    {
        var first = Deidentify();
        var hopeId = Pseudonymizer.RedactionId(Hope);
        var undone = new HashSet<string> { hopeId };
        var restored = first.Key.Where(k => undone.Contains(k.RedactionId)).ToDictionary(k => k.RedactionId, k => k.OriginalText.Length);

        var final = FinalTranscriptBuilder.Build(Deidentify(undone).Transcript, first.Transcript, Segments(first.Transcript),
            [Corrected(Checks(first.Transcript)[1], "We talked about")], null, restored, Now);

        Assert.Equal("I met Hope at the centre. We talked about housing.", final.Utterances[0].Text);
        Assert.Equal("We talked about housing.", final.Utterances[0].Text[final.Segments[1].Start..final.Segments[1].End]);
    }

    [Fact]
    public void Build_CorrectionOfAPassageHoldingAnUndoneRedaction_ReplacesTheRestoredWordsToo()
    {
        var first = Deidentify();
        var undone = new HashSet<string> { Pseudonymizer.RedactionId(Hope) };
        var restored = first.Key.Where(k => undone.Contains(k.RedactionId)).ToDictionary(k => k.RedactionId, k => k.OriginalText.Length);

        var final = FinalTranscriptBuilder.Build(Deidentify(undone).Transcript, first.Transcript, Segments(first.Transcript),
            [Corrected(Checks(first.Transcript)[0], "I met hope")], null, restored, Now);

        Assert.Equal("I met hope at the centre. We talk about housing.", final.Utterances[0].Text);
    }

    [Fact]
    public void Build_RevisedCorrection_AppliesTheDecisionInForce()
    {
        var first = Deidentify().Transcript;
        var item = Corrected(Checks(first)[1], "We walked about")
            .RevisedBy(new VerificationDecision(DecisionAction.Correct, null, null, "coder-a", Now, CorrectedText: "We talked about"));

        var final = FinalTranscriptBuilder.Build(first, first, Segments(first), [item], null, new Dictionary<string, int>(), Now);

        Assert.StartsWith("I met [PERSON_1] at the centre. We talked about", final.Utterances[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_OverlappingCorrections_KeepTheFirst()
    {
        var turn = Utterance.Untimed(0, "S", "one two three four");
        var (utterances, _, _) = TranscriptCorrections.Apply([turn], [], [
            new TranscriptCorrection(0, 4, 13, "2 3", 1, 2),
            new TranscriptCorrection(0, 8, 18, "x", 2, 3),
        ]);

        Assert.Equal("one 2 3 four", utterances[0].Text);
    }
}
