using Workflow.Domain.Verification;
using static Workflow.Domain.Tests.Verification.DoubleCodingTests;

namespace Workflow.Domain.Tests.Verification;

public class ReconciliationPlannerTests
{
    private static readonly DateTimeOffset Then = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    private static VerificationDecision By(string coder, DecisionAction action, params string[] codes) =>
        new(action, codes.Length > 0 ? codes : null, $"memo of {coder}", coder, Then);

    private static (VerificationItem First, VerificationItem Second) Coded(VerificationDecision? first, VerificationDecision? second)
    {
        var pair = DoubleCoding.Apply([Proposal("0.1", "c-wait")], 1).ToList();
        return (Decide(pair[0], first), Decide(pair[1], second));
        static VerificationItem Decide(VerificationItem item, VerificationDecision? decision) =>
            decision is null ? item : item with { Status = VerificationItemStatus.Decided, Decision = decision, ClaimedBy = decision.DecidedBy };
    }

    [Fact]
    public void TwoCodersWhoDisagree_GetAReconciliationForALead_ThatShowsBothDecisions()
    {
        var (first, second) = Coded(By("ann", DecisionAction.Accept), By("bob", DecisionAction.Reject));

        var due = Assert.Single(ReconciliationPlanner.Due([first, second], Then.AddHours(1)));

        Assert.Equal(first.Id + ReconciliationPlanner.Suffix, due.Id);
        Assert.Equal(VerificationItemKind.Reconciliation, due.Kind);
        Assert.Equal(VerificationItemStatus.Pending, due.Status);
        Assert.Null(due.Decision);
        Assert.Null(due.PairedWith);
        Assert.Equal(first.Suggestion, due.Suggestion);
        Assert.Equal(new CodingDisagreement(first.Id, second.Id, first.Decision!, second.Decision!), due.Reconciles);
        Assert.Equal(Then.AddHours(1), due.CreatedAt);
    }

    [Fact]
    public void AnEditToTheSameCode_AgreesWithAnAccept_AndAnEditToAnotherDisagrees()
    {
        var (first, second) = Coded(By("ann", DecisionAction.Accept), By("bob", DecisionAction.Edit, "c-wait"));
        Assert.Empty(ReconciliationPlanner.Due([first, second], Then));

        var (third, fourth) = Coded(By("ann", DecisionAction.Accept), By("bob", DecisionAction.Edit, "c-wait", "c-cost"));
        Assert.Single(ReconciliationPlanner.Due([third, fourth], Then));
    }

    [Fact]
    public void NothingIsDue_WhileASideIsUndecided_OrOnceTheReconciliationExists()
    {
        var (first, pending) = Coded(By("ann", DecisionAction.Accept), null);
        Assert.Empty(ReconciliationPlanner.Due([first, pending], Then));

        var (a, b) = Coded(By("ann", DecisionAction.Accept), By("bob", DecisionAction.Reject));
        var queued = ReconciliationPlanner.Due([a, b], Then);
        Assert.Empty(ReconciliationPlanner.Due([a, b, .. queued], Then));
    }

    [Fact]
    public void ARevisedProposal_IsComparedByItsOriginalDecision()
    {
        var (first, second) = Coded(By("ann", DecisionAction.Accept), By("bob", DecisionAction.Reject));
        var revised = first.RevisedBy(By("lead", DecisionAction.Reject));

        Assert.Equal(By("lead", DecisionAction.Reject), revised.Decision);
        Assert.Equal([first.Decision!], revised.EarlierDecisions!);
        Assert.Equal(first.Decision, revised.OriginalDecision);
        // Without its reconciliation row (say it was lost), the disagreement is still seen.
        Assert.Single(ReconciliationPlanner.Due([revised, second], Then));
    }

    [Fact]
    public void OnlyADecidedItem_CanBeRevised()
    {
        var (pending, _) = Coded(null, null);
        Assert.Throws<InvalidOperationException>(() => pending.RevisedBy(By("lead", DecisionAction.Accept)));
    }
}
