using Workflow.Domain.Verification;
using Workflow.Integration.Tests.Infrastructure;
using Workflow.Storage;
using static Workflow.Integration.Tests.Storage.StorageSamples;

namespace Workflow.Integration.Tests.Storage;

/// <summary>Claiming with a filter on the real Table service: only matching items, in queue order, and "none" when nothing matches.</summary>
public class VerificationQueueFilterTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task AFilteredClaim_TakesOnlyMatchingItems_InQueueOrder()
    {
        var queue = (await Azurite.StoresAsync()).Verification;
        var study = Azurite.UniqueStudyId("vq-filter");
        var (one, two) = (NewRecordingId(), NewRecordingId());
        var other = Suggestion(study, two, "c-other", T0.AddSeconds(3)) is var s ? s with { Suggestion = s.Suggestion! with { CodeId = "stigma" } } : null!;
        await queue.EnqueueAsync([Suggestion(study, one, "c00", T0), Redaction(study, one, "r00", T0.AddSeconds(1)), Redaction(study, two, "r01", T0.AddSeconds(2)), other], CancellationToken.None);

        var redaction = await queue.ClaimNextAsync(study, "ann", Lease, T0.AddMinutes(1), CancellationToken.None, new ClaimFilter(Kind: VerificationItemKind.Redaction));
        Assert.Equal(VerificationQueue.ItemId(study, one, "r00"), redaction?.Id);
        // Her live claim is a redaction of recording one: asked for recording two, she gets its redaction, not her claim again.
        var inTwo = await queue.ClaimNextAsync(study, "ann", Lease, T0.AddMinutes(2), CancellationToken.None, new ClaimFilter(VerificationItemKind.Redaction, RecordingId: two));
        Assert.Equal(VerificationQueue.ItemId(study, two, "r01"), inTwo?.Id);
        // And her live claim comes back when it matches.
        Assert.Equal(inTwo!.Id, (await queue.ClaimNextAsync(study, "ann", Lease, T0.AddMinutes(3), CancellationToken.None, new ClaimFilter(RecordingId: two)))?.Id);

        var byCode = await queue.ClaimNextAsync(study, "bob", Lease, T0.AddMinutes(3), CancellationToken.None, new ClaimFilter(CodeId: "stigma"));
        Assert.Equal(other.Id, byCode?.Id);
        Assert.Null(await queue.ClaimNextAsync(study, "bob", Lease, T0.AddMinutes(4), CancellationToken.None, new ClaimFilter(VerificationItemKind.Redaction, RecordingId: NewRecordingId())));
        // Unfiltered, what is left: the first suggestion.
        Assert.Equal(VerificationQueue.ItemId(study, one, "c00"), (await queue.ClaimNextAsync(study, "cat", Lease, T0.AddMinutes(5), CancellationToken.None))?.Id);
    }
}
