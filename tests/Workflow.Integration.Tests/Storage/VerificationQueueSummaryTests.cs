using Workflow.Domain.Verification;
using Workflow.Integration.Tests.Infrastructure;
using static Workflow.Integration.Tests.Storage.StorageSamples;

namespace Workflow.Integration.Tests.Storage;

/// <summary>The dashboard's view of a study's queue on the real Table service: pending by kind, live leases, who holds them.</summary>
public class VerificationQueueSummaryTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task SummarizePendingAsync_CountsPendingByKind_AndOnlyLiveLeases_AndLeavesOutDecidedItems()
    {
        var queue = (await Azurite.StoresAsync()).Verification;
        var study = Azurite.UniqueStudyId("vq-sum");
        var recording = NewRecordingId();
        var suggestions = Suggestions(study, recording, 4);
        await queue.EnqueueAsync([Redaction(study, recording, "r-1", T0.AddSeconds(10)), .. suggestions], CancellationToken.None);

        var ann = await queue.ClaimNextAsync(study, "ann", Lease, T0, CancellationToken.None);
        var (item, etag) = await queue.GetAsync(ann!.Id, CancellationToken.None);
        Assert.True(await queue.TryDecideAsync(item!, etag, Decision("ann"), CancellationToken.None));
        await queue.ClaimNextAsync(study, "bob", Lease, T0, CancellationToken.None);
        await queue.ClaimNextAsync(study, "cat", Lease, T0.AddMinutes(-10), CancellationToken.None); // lapsed by T0

        var summary = await queue.SummarizePendingAsync(study, T0.AddSeconds(1), CancellationToken.None);

        Assert.Equal(4, summary.Pending);
        Assert.Equal(1, summary.PendingByKind[VerificationItemKind.Redaction]);
        Assert.Equal(3, summary.PendingByKind[VerificationItemKind.CodeSuggestion]);
        Assert.Equal(1, summary.Claimed);
        Assert.Equal(["bob"], summary.ActiveCoders);
    }

    [Fact]
    public async Task SummarizePendingAsync_OfAStudyWithNothingQueued_IsZeroForEveryKind()
    {
        var queue = (await Azurite.StoresAsync()).Verification;
        var summary = await queue.SummarizePendingAsync(Azurite.UniqueStudyId("vq-none"), T0, CancellationToken.None);
        Assert.Equal(0, summary.Pending);
        Assert.All(Enum.GetValues<VerificationItemKind>(), k => Assert.Equal(0, summary.PendingByKind[k]));
        Assert.Empty(summary.ActiveCoders);
    }
}
