using Workflow.Domain.Verification;
using Workflow.Integration.Tests.Infrastructure;
using static Workflow.Integration.Tests.Storage.StorageSamples;

namespace Workflow.Integration.Tests.Storage;

/// <summary>Giving a claimed item back on the real Table service: others can take it at once, and a stale release changes nothing.</summary>
public class VerificationQueueReleaseTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task TryReleaseAsync_OfALiveClaim_LetsAnotherCoderClaimItBeforeTheLeaseWouldLapse()
    {
        var queue = (await Azurite.StoresAsync()).Verification;
        var study = Azurite.UniqueStudyId("vq-rel");
        var items = Suggestions(study, NewRecordingId(), 1);
        await queue.EnqueueAsync(items, CancellationToken.None);
        Assert.Equal(items[0].Id, (await queue.ClaimNextAsync(study, "ann", Lease, T0, CancellationToken.None))?.Id);
        Assert.Null(await queue.ClaimNextAsync(study, "bob", Lease, T0.AddSeconds(1), CancellationToken.None));

        var (held, etag) = await queue.GetAsync(items[0].Id, CancellationToken.None);
        Assert.True(await queue.TryReleaseAsync(held!, etag, CancellationToken.None));

        var (released, _) = await queue.GetAsync(items[0].Id, CancellationToken.None);
        Assert.Equal(VerificationItemStatus.Pending, released!.Status);
        Assert.False(released.LeaseExpiresAt > T0);
        Assert.Equal(items[0].Id, (await queue.ClaimNextAsync(study, "bob", Lease, T0.AddSeconds(2), CancellationToken.None))?.Id);
    }

    [Fact]
    public async Task TryReleaseAsync_WithAnETagFromBeforeAnotherClaim_FailsAndTheNewHolderKeepsIt()
    {
        var queue = (await Azurite.StoresAsync()).Verification;
        var study = Azurite.UniqueStudyId("vq-rel2");
        var items = Suggestions(study, NewRecordingId(), 1);
        await queue.EnqueueAsync(items, CancellationToken.None);
        await queue.ClaimNextAsync(study, "ann", Lease, T0, CancellationToken.None);
        var (annsView, annsETag) = await queue.GetAsync(items[0].Id, CancellationToken.None);
        // Ann's lease lapses and Bob claims the item; Ann's late release must not take it from him.
        Assert.Equal(items[0].Id, (await queue.ClaimNextAsync(study, "bob", Lease, T0 + Lease + TimeSpan.FromSeconds(1), CancellationToken.None))?.Id);

        Assert.False(await queue.TryReleaseAsync(annsView!, annsETag, CancellationToken.None));

        var (now, _) = await queue.GetAsync(items[0].Id, CancellationToken.None);
        Assert.Equal("bob", now!.ClaimedBy);
        Assert.True(now.LeaseExpiresAt > T0 + Lease);
    }

    [Fact]
    public async Task TryReleaseAsync_OfADecidedItem_IsRefused()
    {
        var queue = (await Azurite.StoresAsync()).Verification;
        var study = Azurite.UniqueStudyId("vq-rel3");
        var items = Suggestions(study, NewRecordingId(), 1);
        await queue.EnqueueAsync(items, CancellationToken.None);
        await queue.ClaimNextAsync(study, "ann", Lease, T0, CancellationToken.None);
        var (item, etag) = await queue.GetAsync(items[0].Id, CancellationToken.None);
        Assert.True(await queue.TryDecideAsync(item!, etag, Decision("ann"), CancellationToken.None));

        var (decided, decidedETag) = await queue.GetAsync(items[0].Id, CancellationToken.None);
        Assert.False(await queue.TryReleaseAsync(decided!, decidedETag, CancellationToken.None));
        // Even a stale pending copy with the current ETag cannot resurrect it: the index row is gone.
        Assert.False(await queue.TryReleaseAsync(decided! with { Status = VerificationItemStatus.Pending }, decidedETag, CancellationToken.None));
        Assert.Equal(VerificationItemStatus.Decided, (await queue.GetAsync(items[0].Id, CancellationToken.None)).Item!.Status);
    }
}
