using Workflow.Domain.Verification;
using Workflow.Integration.Tests.Infrastructure;
using static Workflow.Integration.Tests.Storage.StorageSamples;

namespace Workflow.Integration.Tests.Storage;

/// <summary>Double coding on the real Table service: independence of the two sides, reconciliations for leads only, revisions kept as history.</summary>
public class VerificationQueueDoubleCodingTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task ACoderIsNeverGivenTheOtherSideOfWhatTheyCoded_EvenWhenTheWholeHeadIsSuch()
    {
        var queue = (await Azurite.StoresAsync()).Verification;
        var study = Azurite.UniqueStudyId("vq-double");
        // More pairs than a claim reads at the head of the queue, so the head ends up all second codings.
        var items = DoubleCoding.Apply(Suggestions(study, NewRecordingId(), 60), 1).ToList();
        await queue.EnqueueAsync(items, CancellationToken.None);

        var anns = await DecideAllAsync(queue, study, "ann");
        Assert.Equal(60, anns.Count);
        Assert.All(anns, id => Assert.DoesNotContain(DoubleCoding.SecondSuffix, id, StringComparison.Ordinal));

        var bobs = await DecideAllAsync(queue, study, "bob");
        Assert.Equal(items.Where(i => i.Kind == VerificationItemKind.SecondCoding).Select(i => i.Id).Order(), bobs.Order());
        Assert.Equal(0, (await queue.SummarizePendingAsync(study, T0.AddHours(2), CancellationToken.None)).Pending);
    }

    [Fact]
    public async Task AReconciliation_GoesOnlyToWhoMayReconcile_AndARevisionKeepsTheDecisionItReplaces()
    {
        var queue = (await Azurite.StoresAsync()).Verification;
        var study = Azurite.UniqueStudyId("vq-reconcile");
        var pair = DoubleCoding.Apply(Suggestions(study, NewRecordingId(), 1), 1).ToList();
        await queue.EnqueueAsync(pair, CancellationToken.None);
        Assert.Single(await DecideAllAsync(queue, study, "ann"));
        Assert.Single(await DecideAllAsync(queue, study, "bob", DecisionAction.Reject));

        var listed = await queue.ListAsync(study, pair[0].RecordingId, CancellationToken.None);
        var due = ReconciliationPlanner.Due(listed, T0.AddHours(2));
        await queue.EnqueueAsync(due, CancellationToken.None);
        Assert.Null(await queue.ClaimNextAsync(study, "ann", Lease, T0.AddHours(2), CancellationToken.None));
        var claimed = await queue.ClaimNextAsync(study, "lee", Lease, T0.AddHours(2), CancellationToken.None, mayReconcile: true);
        Assert.Equal(due[0].Id, claimed?.Id);
        Assert.Equal(pair[0].Id, claimed!.Reconciles!.FirstItemId);

        var (proposal, etag) = await queue.GetAsync(pair[0].Id, CancellationToken.None);
        var verdict = Decision("lee", DecisionAction.Reject);
        Assert.True(await queue.TryReviseAsync(proposal!, etag, verdict, CancellationToken.None));
        // A second revision built on the same (now stale) read is refused: no history is lost.
        Assert.False(await queue.TryReviseAsync(proposal!, etag, Decision("someone", DecisionAction.Accept), CancellationToken.None));
        var (revised, _) = await queue.GetAsync(pair[0].Id, CancellationToken.None);
        Assert.Equal(verdict, revised!.Decision);
        Assert.Equal("ann", Assert.Single(revised.EarlierDecisions!).DecidedBy);
        Assert.Equal("ann", revised.OriginalDecision!.DecidedBy);
    }

    private static async Task<List<string>> DecideAllAsync(Workflow.Storage.VerificationQueue queue, string study, string coder, DecisionAction action = DecisionAction.Accept)
    {
        var decided = new List<string>();
        var now = T0.AddMinutes(1);
        while (await queue.ClaimNextAsync(study, coder, Lease, now, CancellationToken.None) is { } item)
        {
            var (held, etag) = await queue.GetAsync(item.Id, CancellationToken.None);
            Assert.True(await queue.TryDecideAsync(held!, etag, Decision(coder, action), CancellationToken.None));
            decided.Add(item.Id);
            Assert.True(decided.Count <= 200, "the claims never ran out");
        }
        return decided;
    }
}
