using Workflow.Domain.Verification;
using Workflow.Integration.Tests.Infrastructure;
using Workflow.Storage;
using static Workflow.Integration.Tests.Storage.StorageSamples;

namespace Workflow.Integration.Tests.Storage;

/// <summary>Applying a re-run's reconcile plan on the real Table service (Azurite).</summary>
public class VerificationQueueReconcileTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task ReconcileAsync_AddsPendingAndCarriedItems_RetiresReplacedOnes_AndOnlyPendingOnesAreOffered()
    {
        var queue = (await Azurite.StoresAsync()).Verification;
        var study = Azurite.UniqueStudyId("vq-rec");
        var recording = NewRecordingId();
        var old = Suggestion(study, recording, "c1-old");
        var decidedOld = Suggestion(study, recording, "c1-decided");
        await queue.EnqueueAsync([old, decidedOld], CancellationToken.None);
        var (toDecide, etag) = await queue.GetAsync(decidedOld.Id, CancellationToken.None);
        Assert.True(await queue.TryDecideAsync(toDecide!, etag, Decision("ann"), CancellationToken.None));

        var fresh = Suggestion(study, recording, "c2-new") with { Basis = "the code changed" };
        var carried = Suggestion(study, recording, "c2-carried") with
        {
            Status = VerificationItemStatus.Decided, Decision = Decision("ann"), Basis = "carried over",
        };
        var changed = await queue.ReconcileAsync(new ReconcilePlan([fresh, carried], [old.Id, decidedOld.Id]), [old, decidedOld], CancellationToken.None);

        Assert.Equal(4, changed);
        var stored = (await queue.ListAsync(study, recording, CancellationToken.None)).ToDictionary(i => i.Id);
        Assert.Equal(VerificationItemStatus.Superseded, stored[old.Id].Status);
        Assert.Equal(VerificationItemStatus.Superseded, stored[decidedOld.Id].Status);
        Assert.Equal("ann", stored[decidedOld.Id].Decision?.DecidedBy); // kept as history
        Assert.Equal(VerificationItemStatus.Decided, stored[carried.Id].Status);
        Assert.Equal("the code changed", stored[fresh.Id].Basis);

        var offered = await queue.ClaimNextAsync(study, "bob", Lease, T0, CancellationToken.None);
        Assert.Equal(fresh.Id, offered?.Id);
        Assert.Null(await queue.ClaimNextAsync(study, "cat", Lease, T0, CancellationToken.None));
    }

    [Fact]
    public async Task ReconcileAsync_Twice_ChangesNothingTheSecondTime_AndRevivesASupersededRow()
    {
        var queue = (await Azurite.StoresAsync()).Verification;
        var study = Azurite.UniqueStudyId("vq-rec2");
        var recording = NewRecordingId();
        var item = Suggestion(study, recording, "c1-same");
        await queue.EnqueueAsync([item], CancellationToken.None);
        await queue.ReconcileAsync(new ReconcilePlan([], [item.Id]), [item], CancellationToken.None);
        Assert.Null(await queue.ClaimNextAsync(study, "ann", Lease, T0, CancellationToken.None));

        var plan = new ReconcilePlan([item], []);
        Assert.Equal(1, await queue.ReconcileAsync(plan, [item], CancellationToken.None));
        Assert.Equal(0, await queue.ReconcileAsync(plan, [item], CancellationToken.None));
        // A plan computed from a stale listing (the row is there, the listing missed it) changes nothing either.
        Assert.Equal(0, await queue.ReconcileAsync(plan, [], CancellationToken.None));

        Assert.Equal(item.Id, (await queue.ClaimNextAsync(study, "ann", Lease, T0, CancellationToken.None))?.Id);
    }
}
