using Workflow.Domain.Coding;
using Workflow.Domain.Verification;
using Workflow.Integration.Tests.Infrastructure;
using static Workflow.Integration.Tests.Storage.StorageSamples;

namespace Workflow.Integration.Tests.Storage;

/// <summary>Claiming in transcript order on the real Table service: reading order, whatever the doubt order says.</summary>
public class VerificationQueueTranscriptOrderTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task InTranscriptOrder_TheFirstTurnComesFirst_ThoughTheQueueOffersTheMostDoubtfulFirst()
    {
        var queue = (await Azurite.StoresAsync()).Verification;
        var study = Azurite.UniqueStudyId("vq-order");
        var recording = NewRecordingId();
        // Turn 12 is the most doubtful (priority 90), turn 3 the least (priority 99).
        VerificationItem At(string segment, int priority) => Suggestion(study, recording, $"c1-{segment}-code") with
        {
            Suggestion = new CodeSuggestion(segment, "code", 0.5, new EvidenceSpan(0, 4, "felt"), "test", 1),
            Priority = priority,
        };
        await queue.EnqueueAsync([At("12.0", 90), At("3.0", 99), At("7.1", 95)], CancellationToken.None);

        var byDoubt = await queue.ClaimNextAsync(study, "ann", Lease, T0, CancellationToken.None);
        Assert.Equal("12.0", byDoubt?.Suggestion?.SegmentId);

        var reading = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var next = await queue.ClaimNextAsync(study, "bob", Lease, T0, CancellationToken.None, new ClaimFilter(InTranscriptOrder: true));
            reading.Add(next!.Suggestion!.SegmentId);
            var (held, etag) = await queue.GetAsync(next.Id, CancellationToken.None);
            Assert.True(await queue.TryDecideAsync(held!, etag, Decision("bob"), CancellationToken.None));
        }
        // Ann holds turn 12, so Bob reads turns 3 and 7, in that order.
        Assert.Equal(["3.0", "7.1"], reading);
        Assert.Null(await queue.ClaimNextAsync(study, "bob", Lease, T0, CancellationToken.None, new ClaimFilter(InTranscriptOrder: true)));
    }
}
