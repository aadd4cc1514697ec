using Workflow.Domain.Verification;
using Workflow.Integration.Tests.Infrastructure;
using static Workflow.Integration.Tests.Storage.StorageSamples;

namespace Workflow.Integration.Tests.Storage;

/// <summary>Skipping a claimed item on the real Table service: it goes to the back of the queue, and every later step still finds it.</summary>
public class VerificationQueueSkipTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task ASkippedItem_WaitsBehindTheOthers_ThenIsClaimedAndDecided_LeavingNothingQueued()
    {
        var queue = (await Azurite.StoresAsync()).Verification;
        var study = Azurite.UniqueStudyId("vq-skip");
        var items = Suggestions(study, NewRecordingId(), 3);
        await queue.EnqueueAsync(items, CancellationToken.None);
        var first = await queue.ClaimNextAsync(study, "ann", Lease, T0, CancellationToken.None);
        Assert.Equal(items[0].Id, first?.Id);

        var (held, etag) = await queue.GetAsync(first!.Id, CancellationToken.None);
        var skipped = await queue.TrySkipAsync(held!, etag, T0.AddMinutes(1), CancellationToken.None);
        Assert.Equal(T0.AddMinutes(1), skipped?.QueuedAt);

        // Ann's next claims offer the other two first, then the one she skipped.
        var order = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var next = await queue.ClaimNextAsync(study, "ann", Lease, T0.AddMinutes(2 + i), CancellationToken.None);
            order.Add(next!.Id);
            var (claimed, claimedETag) = await queue.GetAsync(next.Id, CancellationToken.None);
            Assert.True(await queue.TryDecideAsync(claimed!, claimedETag, Decision("ann"), CancellationToken.None));
        }
        Assert.Equal([items[1].Id, items[2].Id, items[0].Id], order);
        Assert.Null(await queue.ClaimNextAsync(study, "ann", Lease, T0.AddMinutes(9), CancellationToken.None));
        Assert.Equal(0, (await queue.SummarizePendingAsync(study, T0.AddMinutes(9), CancellationToken.None)).Pending);
    }

    [Fact]
    public async Task ASkipWithAStaleETag_ChangesNothing_AndADecidedItemCannotBeSkipped()
    {
        var queue = (await Azurite.StoresAsync()).Verification;
        var study = Azurite.UniqueStudyId("vq-skip2");
        var items = Suggestions(study, NewRecordingId(), 1);
        await queue.EnqueueAsync(items, CancellationToken.None);
        await queue.ClaimNextAsync(study, "ann", Lease, T0, CancellationToken.None);
        var (annsView, annsETag) = await queue.GetAsync(items[0].Id, CancellationToken.None);
        Assert.Equal(items[0].Id, (await queue.ClaimNextAsync(study, "bob", Lease, T0 + Lease + TimeSpan.FromSeconds(1), CancellationToken.None))?.Id);

        Assert.Null(await queue.TrySkipAsync(annsView!, annsETag, T0 + Lease + TimeSpan.FromSeconds(2), CancellationToken.None));
        var (bobs, bobsETag) = await queue.GetAsync(items[0].Id, CancellationToken.None);
        Assert.Equal("bob", bobs!.ClaimedBy);

        Assert.True(await queue.TryDecideAsync(bobs, bobsETag, Decision("bob"), CancellationToken.None));
        var (decided, decidedETag) = await queue.GetAsync(items[0].Id, CancellationToken.None);
        Assert.Null(await queue.TrySkipAsync(decided!, decidedETag, T0 + Lease + TimeSpan.FromSeconds(3), CancellationToken.None));
    }
}
