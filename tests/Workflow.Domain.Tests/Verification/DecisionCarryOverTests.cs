using Workflow.Domain.Coding;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Verification;

namespace Workflow.Domain.Tests.Verification;

public class DecisionCarryOverTests
{
    private static readonly DateTimeOffset Then = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlySet<VerificationItemKind> Codes = new HashSet<VerificationItemKind> { VerificationItemKind.CodeSuggestion };
    private static readonly IReadOnlySet<VerificationItemKind> Both = new HashSet<VerificationItemKind> { VerificationItemKind.CodeSuggestion, VerificationItemKind.Redaction };
    private static readonly IReadOnlySet<string> NothingChanged = new HashSet<string>();

    private static VerificationItem Code(int version, string segment, string code, string text, VerificationDecision? decision = null, string? id = null) => new(
        id ?? $"s~rec~c{version}-{segment}-{code}", "s", "rec", VerificationItemKind.CodeSuggestion, text, null, null,
        new CodeSuggestion(segment, code, 0.7, new EvidenceSpan(0, 4, "wait"), "keywords", version),
        decision is null ? VerificationItemStatus.Pending : VerificationItemStatus.Decided, null, null, decision, Then);

    private static VerificationItem Redaction(string redactionId, string original, VerificationDecision? decision = null, string? id = null) => new(
        id ?? $"s~rec~r-{redactionId}", "s", "rec", VerificationItemKind.Redaction, "… [PERSON_1] said …",
        new Redaction(redactionId, 0, 0, 10, IdentifierKind.Person, "[PERSON_1]", 0.5, "names", true), original, null,
        decision is null ? VerificationItemStatus.Pending : VerificationItemStatus.Decided, null, null, decision, Then);

    private static VerificationDecision By(DecisionAction action, string coder = "coder-a", params string[] codes) =>
        new(action, codes.Length > 0 ? codes : null, "memo", coder, Then);

    [Fact]
    public void Plan_UnchangedCodeOnUnchangedText_InheritsTheEarlierDecision()
    {
        var earlier = Code(1, "0.0", "c-waiting", "I waited six weeks", By(DecisionAction.Reject));
        var fresh = Code(2, "0.0", "c-waiting", "I waited six weeks");

        var plan = DecisionCarryOver.Plan([earlier], [fresh], Codes, _ => NothingChanged);

        var carried = Assert.Single(plan.ToAdd);
        Assert.Equal(fresh.Id, carried.Id);
        Assert.Equal(VerificationItemStatus.Decided, carried.Status);
        Assert.Equal(earlier.Decision, carried.Decision);
        Assert.Contains("carried over from codebook version 1", carried.Basis);
        // The earlier item is retired, so progress counts the decision once.
        Assert.Equal([earlier.Id], plan.ToSupersede);
        Assert.Equal(1, plan.Carried);
    }

    [Fact]
    public void Plan_ChangedCode_QueuesTheProposalAgainSayingWhy_AndRetiresTheOldDecision()
    {
        var earlier = Code(1, "0.0", "c-waiting", "I waited six weeks", By(DecisionAction.Accept));
        var fresh = Code(3, "0.0", "c-waiting", "I waited six weeks");

        var plan = DecisionCarryOver.Plan([earlier], [fresh], Codes, v => v == 1 ? new HashSet<string> { "c-waiting" } : NothingChanged);

        var queued = Assert.Single(plan.ToAdd);
        Assert.Equal(VerificationItemStatus.Pending, queued.Status);
        Assert.Contains("code changed since codebook version 1", queued.Basis);
        Assert.Equal([earlier.Id], plan.ToSupersede);
    }

    [Fact]
    public void Plan_EditDecision_IsNotCarriedWhenTheCodeItChoseChanged()
    {
        var earlier = Code(1, "0.0", "c-waiting", "text", By(DecisionAction.Edit, "coder-a", "c-stigma"));
        var fresh = Code(2, "0.0", "c-waiting", "text");

        var plan = DecisionCarryOver.Plan([earlier], [fresh], Codes, _ => new HashSet<string> { "c-stigma" });

        Assert.Equal(VerificationItemStatus.Pending, Assert.Single(plan.ToAdd).Status);
    }

    [Fact]
    public void Plan_ChangedSegmentText_IsQueuedAgain()
    {
        var earlier = Code(1, "0.0", "c-waiting", "I waited six weeks for [PERSON_1]", By(DecisionAction.Accept));
        var fresh = Code(2, "0.0", "c-waiting", "I waited six weeks for [PERSON_2]");

        var plan = DecisionCarryOver.Plan([earlier], [fresh], Codes, _ => NothingChanged);

        Assert.Contains("text changed", Assert.Single(plan.ToAdd).Basis);
    }

    [Fact]
    public void Plan_SameItemAgain_KeepsItsDecisionAndQueuesNothing()
    {
        var decided = Code(2, "0.0", "c-waiting", "text", By(DecisionAction.Accept));

        var plan = DecisionCarryOver.Plan([decided], [Code(2, "0.0", "c-waiting", "text")], Codes, _ => NothingChanged);

        Assert.Empty(plan.ToAdd);
        Assert.Empty(plan.ToSupersede);
    }

    [Fact]
    public void Plan_PendingProposalTheReRunNoLongerMakes_IsRetired_ButOtherKindsAreLeftAlone()
    {
        var stale = Code(2, "0.1", "c-stigma", "other text");
        var redaction = Redaction("r0-0-4", "Dave");

        var plan = DecisionCarryOver.Plan([stale, redaction], [], Codes, _ => NothingChanged);

        Assert.Equal([stale.Id], plan.ToSupersede);
    }

    [Fact]
    public void Plan_SameRedactionPlaceWithOtherWords_GetsANumberedRevision_AndRetiresTheOld()
    {
        var earlier = Redaction("r0-0-4", "Dave", By(DecisionAction.Undo));
        var fresh = Redaction("r0-0-4", "Dawn");

        var first = DecisionCarryOver.Plan([earlier], [fresh], Both, _ => NothingChanged);

        var revision = Assert.Single(first.ToAdd);
        Assert.Equal(earlier.Id + "-v2", revision.Id);
        Assert.Contains("words at this place changed", revision.Basis);
        Assert.Equal([earlier.Id], first.ToSupersede);
        // The revision id says nothing about the words it hides.
        Assert.DoesNotContain("Dawn", revision.Id, StringComparison.OrdinalIgnoreCase);

        // Run again after the plan was applied: nothing more to do.
        var applied = earlier with { Status = VerificationItemStatus.Superseded };
        var again = DecisionCarryOver.Plan([applied, revision], [fresh], Both, _ => NothingChanged);
        Assert.Empty(again.ToAdd);
        Assert.Empty(again.ToSupersede);
    }

    [Fact]
    public void Plan_LongerRedactionOverAnEarlierDecidedOne_IsMarkedAndTheOldRetired()
    {
        var earlier = Redaction("r0-0-7", "Harbour", By(DecisionAction.Confirm));
        var fresh = Redaction("r0-0-15", "Harbour Project");

        var plan = DecisionCarryOver.Plan([earlier], [fresh], Both, _ => NothingChanged);

        Assert.Contains("replaces a redaction decided earlier", Assert.Single(plan.ToAdd).Basis);
        Assert.Equal([earlier.Id], plan.ToSupersede);
    }

    [Fact]
    public void Plan_UnchangedRedaction_KeepsItsDecision()
    {
        var decided = Redaction("r0-0-4", "Dave", By(DecisionAction.Confirm));

        var plan = DecisionCarryOver.Plan([decided], [Redaction("r0-0-4", "Dave")], Both, _ => NothingChanged);

        Assert.Empty(plan.ToAdd);
        Assert.Empty(plan.ToSupersede);
    }

    [Fact]
    public void Plan_RunAgainAfterACrashBetweenAddingAndRetiring_RetiresTheOldRevision()
    {
        var earlier = Redaction("r0-0-4", "Dave", By(DecisionAction.Undo));
        var revision = Redaction("r0-0-4", "Dawn", id: earlier.Id + "-v2");

        var plan = DecisionCarryOver.Plan([earlier, revision], [Redaction("r0-0-4", "Dawn")], Both, _ => NothingChanged);

        Assert.Empty(plan.ToAdd);
        Assert.Equal([earlier.Id], plan.ToSupersede);
    }

    private static CodingBasis Coding(int version, params (string Segment, string Text)[] segments) =>
        new(version, segments.ToDictionary(x => x.Segment, x => x.Text), local => $"s~rec~{local}", Then.AddDays(1));

    [Fact]
    public void Plan_CodeACoderAcceptedThatTheEngineNoLongerProposes_IsKeptUnderTheNewVersion()
    {
        var accepted = Code(1, "0.0", "c-waiting", "I waited six weeks", By(DecisionAction.Accept));
        var rejected = Code(1, "0.0", "c-stigma", "I waited six weeks", By(DecisionAction.Reject));

        var plan = DecisionCarryOver.Plan([accepted, rejected], [], Codes, _ => NothingChanged, Coding(2, ("0.0", "I waited six weeks")));

        var kept = Assert.Single(plan.ToAdd);
        Assert.Equal("s~rec~c2-0.0-c-waiting", kept.Id);
        Assert.Equal(VerificationItemStatus.Decided, kept.Status);
        Assert.Equal(2, kept.Suggestion!.CodebookVersion);
        Assert.Contains("kept though the engine no longer proposes it", kept.Basis);
        Assert.Equal(new[] { rejected.Id, accepted.Id }.Order(StringComparer.Ordinal), plan.ToSupersede);

        // Applied, the plan computed again changes nothing.
        var after = new[] { accepted with { Status = VerificationItemStatus.Superseded }, rejected with { Status = VerificationItemStatus.Superseded }, kept };
        var again = DecisionCarryOver.Plan(after, [], Codes, _ => NothingChanged, Coding(2, ("0.0", "I waited six weeks")));
        Assert.Empty(again.ToAdd);
        Assert.Empty(again.ToSupersede);
    }

    [Fact]
    public void Plan_ReRunOfBothKinds_WithDecidedRedactions_StillKeepsAppliedCodes()
    {
        // A de-identification re-run replaces redactions and codes at once; a decided redaction has no
        // suggestion, which once failed the whole re-run (NullReferenceException).
        var confirmed = Redaction("r0-0-4", "Dave", By(DecisionAction.Confirm));
        var accepted = Code(1, "0.0", "c-waiting", "I waited six weeks", By(DecisionAction.Accept));

        var plan = DecisionCarryOver.Plan([confirmed, accepted], [Redaction("r0-0-4", "Dave")], Both, _ => NothingChanged, Coding(2, ("0.0", "I waited six weeks")));

        var kept = Assert.Single(plan.ToAdd);
        Assert.Equal("s~rec~c2-0.0-c-waiting", kept.Id);
        Assert.Equal(VerificationItemStatus.Decided, kept.Status);
        Assert.DoesNotContain(confirmed.Id, plan.ToSupersede);
    }

    [Fact]
    public void Plan_AppliedCodeWhoseDefinitionChanged_GoesBackToACoder()
    {
        var accepted = Code(1, "0.0", "c-waiting", "I waited six weeks", By(DecisionAction.Accept));

        var plan = DecisionCarryOver.Plan([accepted], [], Codes, _ => new HashSet<string> { "c-waiting" }, Coding(2, ("0.0", "I waited six weeks")));

        var queued = Assert.Single(plan.ToAdd);
        Assert.Equal(VerificationItemStatus.Pending, queued.Status);
        Assert.Null(queued.Decision);
        Assert.Contains("code changed", queued.Basis);
    }

    [Fact]
    public void Plan_RetiresThePendingSecondCodingOfARetiredProposal_ButKeepsADecidedOne()
    {
        var pair = DoubleCoding.Apply([Code(1, "0.0", "c-waiting", "I waited six weeks"), Code(1, "0.1", "c-waiting", "We waited too")], 1).ToList();
        var decidedSecond = pair[3] with { Status = VerificationItemStatus.Decided, Decision = By(DecisionAction.Accept, "coder-b") };
        var existing = new List<VerificationItem> { pair[0], pair[1], pair[2], decidedSecond };

        // The re-run proposes nothing: both pending proposals lose their basis.
        var plan = DecisionCarryOver.Plan(existing, [], Codes, _ => NothingChanged);

        Assert.Contains(pair[0].Id, plan.ToSupersede);
        Assert.Contains(pair[1].Id, plan.ToSupersede);
        Assert.Contains(pair[2].Id, plan.ToSupersede);
        Assert.DoesNotContain(decidedSecond.Id, plan.ToSupersede);
    }
}
