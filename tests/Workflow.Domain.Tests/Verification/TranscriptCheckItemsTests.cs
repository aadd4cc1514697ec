using Workflow.Domain.Deidentification;
using Workflow.Domain.Transcripts;
using Workflow.Domain.Verification;

namespace Workflow.Domain.Tests.Verification;

public class TranscriptCheckItemsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    /// <summary>"I met Hope at the centre", Hope de-identified, "met" and "Hope" doubtful.</summary>
    private static DeidentifiedTranscript Transcript()
    {
        var original = new Transcript("rec-1", "local", [new Utterance(0, "Speaker 1", 0, 6, "I met Hope at the centre",
        [
            new Word("I", 0, 0.9, 0.9), new Word("met", 1, 1.9, 0.3), new Word("Hope", 2, 2.9, 0.2),
            new Word("at", 3, 3.9, 0.9), new Word("the", 4, 4.9, 0.9), new Word("centre", 5, 5.9, 0.9),
        ])]);
        var hope = new IdentifierFinding(0, 6, 10, IdentifierKind.Person, "Hope", "hope", 0.95, "study-list");
        return Pseudonymizer.Apply(original, "study-a", 1, [hope], new PseudonymRegistry("study-a"), 0.9).Transcript;
    }

    private static VerificationItem Item(VerificationItemKind kind = VerificationItemKind.TranscriptCheck) => Assert.Single(
        VerificationItemFactory.ForTranscriptChecks(Transcript(), new TranscriptCheckOptions(), id => "study-a~rec-1~" + id, Now)) with { Kind = kind };

    [Fact]
    public void ForTranscriptChecks_ContextIsTheDeidentifiedPassage_NeverTheName()
    {
        var item = Item();

        Assert.Equal(VerificationItemKind.TranscriptCheck, item.Kind);
        Assert.Equal("I met [PERSON_1] at", item.Context);
        Assert.DoesNotContain("Hope", item.Context, StringComparison.Ordinal);
        Assert.Null(item.OriginalText);
        Assert.Equal((0, 3.9), (item.Passage!.StartSeconds, item.Passage.EndSeconds));
        Assert.Equal("study-a~rec-1~t-0-0-3", item.Id);
    }

    [Fact]
    public void ForTranscriptChecks_PriorityFollowsDoubt_LowerConfidenceFirst()
    {
        Assert.True(DoubtPriority.OfLowConfidence(0.1) < DoubtPriority.OfLowConfidence(0.4));
        Assert.Equal(DoubtPriority.OfLowConfidence(Item().Passage!.MeanConfidence), Item().Priority);
        Assert.Equal(DoubtPriority.MostDoubtful, DoubtPriority.OfLowConfidence(0));
    }

    [Theory]
    [InlineData(DecisionAction.Confirm)]
    [InlineData(DecisionAction.Correct)]
    public void Validate_ConfirmOrCorrect_ApplyToATranscriptCheck(DecisionAction action) =>
        Assert.Empty(DecisionRules.Validate(Item(), action, null, null, correctedText: action == DecisionAction.Correct ? "I met her at" : null));

    [Theory]
    [InlineData(DecisionAction.Accept)]
    [InlineData(DecisionAction.Undo)]
    [InlineData(DecisionAction.Edit)]
    public void Validate_OtherActions_AreRefusedNamingConfirmAndCorrect(DecisionAction action) =>
        Assert.Contains(DecisionRules.Validate(Item(), action, action == DecisionAction.Edit ? ["c"] : null, null),
            e => e.EndsWith("use one of: Confirm, Correct.", StringComparison.Ordinal));

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Validate_CorrectionWithoutText_IsRefused(string? text) =>
        Assert.Equal(["A correction must give correctedText: the passage as it was spoken."],
            DecisionRules.Validate(Item(), DecisionAction.Correct, null, null, correctedText: text));

    [Fact]
    public void Validate_CorrectionOverTheLimit_IsRefusedWithItsLength()
    {
        var error = Assert.Single(DecisionRules.Validate(Item(), DecisionAction.Correct, null, null, correctedText: new string('a', DecisionRules.MaxCorrectionLength + 1)));

        Assert.Equal("The corrected text is 4,001 characters long; at most 4,000 are kept.", error);
        Assert.Empty(DecisionRules.Validate(Item(), DecisionAction.Correct, null, null, correctedText: new string('a', DecisionRules.MaxCorrectionLength)));
    }

    [Fact]
    public void Validate_CorrectedTextWithConfirm_OrWithAnotherKind_IsRefused()
    {
        Assert.Equal(["correctedText is only given with a correction."], DecisionRules.Validate(Item(), DecisionAction.Confirm, null, null, correctedText: "x"));
        Assert.Contains("'Correct' does not apply to a Redaction item; use one of: Confirm, Undo.",
            DecisionRules.Validate(Item(VerificationItemKind.Redaction), DecisionAction.Correct, null, null, correctedText: "x"));
    }

    [Fact]
    public void CarryOver_SamePassageText_KeepsTheDecision_ChangedText_RequeuesWithTheReason()
    {
        var decided = Item() with
        {
            Status = VerificationItemStatus.Decided,
            Decision = new VerificationDecision(DecisionAction.Correct, null, null, "coder-a", Now, CorrectedText: "I met her at"),
        };
        var kinds = new HashSet<VerificationItemKind> { VerificationItemKind.Redaction, VerificationItemKind.TranscriptCheck };

        var same = DecisionCarryOver.Plan([decided], [Item()], kinds, _ => new HashSet<string>());
        var changed = DecisionCarryOver.Plan([decided], [Item() with { Context = "I met [PERSON_2] at" }], kinds, _ => new HashSet<string>());

        Assert.Empty(same.ToAdd);
        Assert.Empty(same.ToSupersede);
        var requeued = Assert.Single(changed.ToAdd);
        Assert.Equal("the passage's text changed since it was checked", requeued.Basis);
        Assert.Equal([decided.Id], changed.ToSupersede);
    }

    [Fact]
    public void CarryOver_NewTranscriptCheck_IsQueued()
    {
        var plan = DecisionCarryOver.Plan([], [Item()], new HashSet<VerificationItemKind> { VerificationItemKind.TranscriptCheck }, _ => new HashSet<string>());

        Assert.Equal([Item().Id], plan.ToAdd.Select(i => i.Id));
    }
}
