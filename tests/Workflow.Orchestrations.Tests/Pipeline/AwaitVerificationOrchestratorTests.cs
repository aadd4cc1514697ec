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
        await HostFixture.EventuallyAsync(async () => fakes.Attempts(nameof(GetVerificationProgressActivity)) >= 1);

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
        await HostFixture.EventuallyAsync(async () => fakes.Attempts(nameof(GetVerificationProgressActivity)) >= 1);

        var signals = AwaitVerificationOrchestrator.SignalsPerGeneration + 5;
        for (var i = 0; i < signals; i++)
            await host.Client.RaiseEventAsync(id, VerificationSignal.EventName, new VerificationSignal($"item-{i}"));
        await HostFixture.EventuallyAsync(async () => fakes.Attempts(nameof(GetVerificationProgressActivity)) > signals);
        Interlocked.Exchange(ref fakes.PendingItems, 0);
        await host.Client.RaiseEventAsync(id, VerificationSignal.EventName, new VerificationSignal("last"));

        var done = await HostFixture.CompleteAsync(host.Client, id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(0, done.ReadOutputAs<VerificationProgress>()!.Pending);
    }
}
