using Workflow.Integration.Tests.Infrastructure;

namespace Workflow.Integration.Tests.Storage;

/// <summary>One batch per study, on the real Table service (Azurite).</summary>
public class StudyBatchLocksTests
{
    [Fact]
    public async Task TryAcquireAsync_SecondBatchWhileTheFirstRuns_IsRefusedNamingTheHolder_AndTakesOverOnceItEnded()
    {
        var locks = (await Azurite.StoresAsync()).BatchLocks;
        var study = Azurite.UniqueStudyId("lock");
        var running = new HashSet<string> { "batch-1" };

        Assert.Equal((true, "batch-1"), await locks.TryAcquireAsync(study, "batch-1", (b, _) => Task.FromResult(running.Contains(b)), CancellationToken.None));
        Assert.Equal((true, "batch-1"), await locks.TryAcquireAsync(study, "batch-1", (b, _) => Task.FromResult(running.Contains(b)), CancellationToken.None));
        Assert.Equal((false, "batch-1"), await locks.TryAcquireAsync(study, "batch-2", (b, _) => Task.FromResult(running.Contains(b)), CancellationToken.None));

        running.Clear(); // batch-1 ended without releasing (a crashed host)
        Assert.Equal((true, "batch-2"), await locks.TryAcquireAsync(study, "batch-2", (b, _) => Task.FromResult(running.Contains(b)), CancellationToken.None));
        Assert.False(await locks.ReleaseAsync(study, "batch-1", CancellationToken.None));
        Assert.True(await locks.ReleaseAsync(study, "batch-2", CancellationToken.None));
        Assert.Null(await locks.HolderAsync(study, CancellationToken.None));
    }

    [Fact]
    public async Task TryAcquireAsync_TwentyConcurrentBatches_ExactlyOneWins()
    {
        var locks = (await Azurite.StoresAsync()).BatchLocks;
        var study = Azurite.UniqueStudyId("lock-race");

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            locks.TryAcquireAsync(study, $"batch-{i}", (_, _) => Task.FromResult(true), CancellationToken.None)));

        var winner = Assert.Single(results, r => r.Acquired);
        Assert.All(results, r => Assert.Equal(winner.Holder, r.Holder));
    }
}
