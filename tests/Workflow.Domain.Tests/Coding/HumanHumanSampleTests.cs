using Workflow.Domain.Coding;
using Workflow.Domain.Verification;
using static Workflow.Domain.Tests.Verification.DoubleCodingTests;

namespace Workflow.Domain.Tests.Coding;

public class HumanHumanSampleTests
{
    private static readonly DateTimeOffset Then = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    private static VerificationItem Decided(VerificationItem item, string coder, DecisionAction action, params string[] codes) =>
        item with { Status = VerificationItemStatus.Decided, Decision = new VerificationDecision(action, codes.Length > 0 ? codes : null, null, coder, Then), ClaimedBy = coder };

    [Fact]
    public void EachDoubleCodedSegment_IsAUnit_WithEachSidesCodes_AndUndecidedOnesWait()
    {
        var doubled = DoubleCoding.Apply([Proposal("0.1", "c-wait"), Proposal("0.1", "c-cost"), Proposal("0.2", "c-wait"), Proposal("0.3", "c-wait")], 1).ToList();
        VerificationItem Of(string segment, string code, bool second) =>
            doubled.Single(i => i.Suggestion!.SegmentId == segment && i.Suggestion.CodeId == code && (i.Kind == VerificationItemKind.SecondCoding) == second);
        var items = new List<VerificationItem>
        {
            Decided(Of("0.1", "c-wait", false), "ann", DecisionAction.Accept),
            Decided(Of("0.1", "c-cost", false), "ann", DecisionAction.Reject),
            Decided(Of("0.1", "c-wait", true), "bob", DecisionAction.Accept),
            Decided(Of("0.1", "c-cost", true), "bob", DecisionAction.Accept),
            Decided(Of("0.2", "c-wait", false), "bob", DecisionAction.Edit, "c-staff"),
            Decided(Of("0.2", "c-wait", true), "ann", DecisionAction.Edit, "c-staff"),
            Decided(Of("0.3", "c-wait", false), "ann", DecisionAction.Accept),
            Of("0.3", "c-wait", true),
            // A single-coded proposal never counts here.
            Decided(Proposal("0.4", "c-wait"), "ann", DecisionAction.Accept),
        };

        var sample = HumanHumanSample.From(items);

        Assert.Equal(1, sample.SegmentsAwaitingDecisions);
        Assert.Equal(2, sample.Units.Count);
        var one = sample.Units.Single(u => u.UnitId.Contains("/0.1/", StringComparison.Ordinal));
        Assert.Equal(["c-wait"], one.Reference);
        Assert.Equal(["c-cost", "c-wait"], one.Predicted.Order());
        var two = sample.Units.Single(u => u.UnitId.Contains("/0.2/", StringComparison.Ordinal));
        Assert.Equal(["c-staff"], two.Reference);
        Assert.Equal(["c-staff"], two.Predicted);

        var report = sample.Compare(["c-wait", "c-cost", "c-staff"]);
        Assert.Equal(new AgreementCounts(0, 1, 0, 1), report.PerCode["c-cost"]);
    }

    [Fact]
    public void AReconciledProposal_StillCountsItsCodersOwnDecisions_AndPendingReconciliationsAreCounted()
    {
        var pair = DoubleCoding.Apply([Proposal("0.1", "c-wait")], 1).ToList();
        var first = Decided(pair[0], "ann", DecisionAction.Accept);
        var second = Decided(pair[1], "bob", DecisionAction.Reject);
        var reconciliation = Assert.Single(ReconciliationPlanner.Due([first, second], Then));

        var before = HumanHumanSample.From([first, second, reconciliation]);
        Assert.Equal(1, before.ReconciliationsPending);

        var settled = first.RevisedBy(new VerificationDecision(DecisionAction.Reject, null, "lead's call", "lee", Then));
        var after = HumanHumanSample.From([settled, second, Decided(reconciliation, "lee", DecisionAction.Reject)]);
        Assert.Equal(0, after.ReconciliationsPending);
        var unit = Assert.Single(after.Units);
        Assert.Equal(["c-wait"], unit.Reference);
        Assert.Empty(unit.Predicted);
    }
}
