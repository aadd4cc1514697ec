using Microsoft.DurableTask.Client;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Verification;

namespace Workflow.Orchestrations.Tests.Pipeline;

public class AwaitVerificationOrchestratorTests
{
    [Fact]
    public async Task Run_NothingPending_ReturnsWithoutWaiting()
    {
        var fakes = new FakeActivities { PendingItems = 0, TotalItems = 0 };
        await using var host = await HostFixture.StartAsync(fakes);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(AwaitVerificationOrchestrator),
            new AwaitVerificationInput("s", "r", TimeSpan.FromHours(1)));

        var done = await HostFixture.CompleteAsync(host.Client, id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(1, fakes.Attempts(nameof(GetVerificationProgressActivity)));
    }

    [Fact]
    public async Task Run_LostSignal_TheDurableTimerRechecksAndFinishes()
    {
        var fakes = new FakeActivities { PendingItems = 1 };
        await using var host = await HostFixture.StartAsync(fakes);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(AwaitVerificationOrchestrator),
            new AwaitVerificationInput("s", "r", TimeSpan.FromSeconds(1)));
        await HostFixture.EventuallyAsync(() => fakes.Attempts(nameof(GetVerificationProgressActivity)) >= 1);

        Interlocked.Exchange(ref fakes.PendingItems, 0); // decided, but no event is raised
        var done = await HostFixture.CompleteAsync(host.Client, id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(0, done.ReadOutputAs<VerificationProgress>()!.Pending);
    }

    [Fact]
    public async Task Run_ManySignals_ContinuesAsNewAndStillFinishes()
    {
        var fakes = new FakeActivities { PendingItems = 1, TotalItems = 100 };
        await using var host = await HostFixture.StartAsync(fakes);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(AwaitVerificationOrchestrator),
            new AwaitVerificationInput("s", "r", TimeSpan.FromHours(1)));
        await HostFixture.EventuallyAsync(() => fakes.Attempts(nameof(GetVerificationProgressActivity)) >= 1);

        // One signal at a time, as coders decide; a burst is covered against the real backend.
        for (var i = 1; i <= AwaitVerificationOrchestrator.WakeUpsPerGeneration + 2; i++)
        {
            await host.Client.RaiseEventAsync(id, VerificationSignal.EventName, new VerificationSignal($"item-{i}"));
            // Every signal leads to one count: in the same generation, or (for the signal that
            // triggers continue-as-new) as the next generation's first act.
            var expected = i + 1;
            await HostFixture.EventuallyAsync(() => fakes.Attempts(nameof(GetVerificationProgressActivity)) >= expected);
        }
        var generation = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Running, generation!.RuntimeStatus);
        Interlocked.Exchange(ref fakes.PendingItems, 0);
        await host.Client.RaiseEventAsync(id, VerificationSignal.EventName, new VerificationSignal("last"));

        var done = await HostFixture.CompleteAsync(host.Client, id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(0, done.ReadOutputAs<VerificationProgress>()!.Pending);
    }

    [Fact]
    public async Task Run_WaitingWithoutSignals_ContinuesAsNewAfterBoundedRechecks()
    {
        var fakes = new FakeActivities { PendingItems = 1, TotalItems = 1 };
        await using var host = await HostFixture.StartAsync(fakes);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(AwaitVerificationOrchestrator),
            new AwaitVerificationInput("s", "r", TimeSpan.FromMilliseconds(20)));

        // Only re-check timers wake it: a recording waiting for weeks must still restart its history.
        await HostFixture.EventuallyAsync(() => fakes.Attempts(nameof(GetVerificationProgressActivity)) > AwaitVerificationOrchestrator.WakeUpsPerGeneration + 1);
        var running = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        Assert.True(running!.ReadInputAs<AwaitVerificationInput>()!.Generation >= 1);

        Interlocked.Exchange(ref fakes.PendingItems, 0);
        var done = await HostFixture.CompleteAsync(host.Client, id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
    }
}
