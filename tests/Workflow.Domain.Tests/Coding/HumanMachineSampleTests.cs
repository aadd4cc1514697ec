using Workflow.Domain.Coding;
using Workflow.Domain.Verification;

namespace Workflow.Domain.Tests.Coding;

public class HumanMachineSampleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static VerificationItem Item(string recording, string segment, string code, DecisionAction? action, int version = 1,
        IReadOnlyList<string>? editTo = null, VerificationItemStatus? status = null) =>
        new($"s1~{recording}~c{version}-{segment}-{code}", "s1", recording, VerificationItemKind.CodeSuggestion, "context", null, null,
            new CodeSuggestion(segment, code, 0.8, new EvidenceSpan(0, 3, "abc"), "keywords", version),
            status ?? (action is null ? VerificationItemStatus.Pending : VerificationItemStatus.Decided), null, null,
            action is { } a ? new VerificationDecision(a, editTo, null, "coder-1", T0) : null, T0);

    [Fact]
    public void From_DecidedSegments_GiveCodersCodesAgainstTheEnginesProposals()
    {
        var sample = HumanMachineSample.From(
        [
            Item("r1", "s1", "a", DecisionAction.Accept),
            Item("r1", "s1", "b", DecisionAction.Reject),
            Item("r1", "s2", "a", DecisionAction.Edit, editTo: ["c", "d"]),
        ]);

        Assert.Equal(0, sample.SegmentsAwaitingDecisions);
        Assert.Equal(["r1/s1", "r1/s2"], sample.Units.Select(u => u.UnitId));
        Assert.Equal(["a"], sample.Units[0].Reference);
        Assert.Equal(["a", "b"], sample.Units[0].Predicted.Order());
        Assert.Equal(["c", "d"], sample.Units[1].Reference.Order());
        Assert.Equal(["a"], sample.Units[1].Predicted);
    }

    [Fact]
    public void From_SegmentWithAPendingSuggestion_IsLeftOutAndCounted()
    {
        var sample = HumanMachineSample.From([Item("r1", "s1", "a", DecisionAction.Accept), Item("r1", "s1", "b", null)]);

        Assert.Empty(sample.Units);
        Assert.Equal(1, sample.SegmentsAwaitingDecisions);
    }

    [Fact]
    public void From_RecodedSegment_UsesOnlyTheLatestCodebooksItems()
    {
        var sample = HumanMachineSample.From(
        [
            Item("r1", "s1", "a", DecisionAction.Accept, version: 1),
            Item("r1", "s1", "x", null, version: 1, status: VerificationItemStatus.Superseded),
            Item("r1", "s1", "b", DecisionAction.Accept, version: 2),
        ]);

        var unit = Assert.Single(sample.Units);
        Assert.Equal(["b"], unit.Reference);
        Assert.Equal(["b"], unit.Predicted);
    }

    [Fact]
    public void From_RedactionItems_AreIgnored()
    {
        var redaction = Item("r1", "s1", "a", DecisionAction.Confirm) with { Kind = VerificationItemKind.Redaction, Suggestion = null };

        Assert.Empty(HumanMachineSample.From([redaction]).Units);
    }
}
