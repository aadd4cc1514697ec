using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workflow.Integration.Tests.Infrastructure;
using Workflow.LocalHost.Durable;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Verification;

namespace Workflow.Integration.Tests.Durable;

/// <summary>
/// The verification wait on the real local backend (Azure Storage provider on Azurite behind the
/// sidecar): a burst of decisions, more than one generation's worth, still ends the wait.
/// </summary>
public class AzureStorageBackendTests
{
    [Fact]
    public async Task AwaitVerification_BurstBeyondOneGeneration_ContinuesAsNewAndFinishes()
    {
        Azurite.EnsureRunning();
        var options = new LocalDurableOptions { TaskHubName = "t" + Guid.NewGuid().ToString("N")[..12] };
        var pending = 1;
        var checks = 0;
        var builder = Host.CreateApplicationBuilder();

        builder.Services.AddLocalDurableBackend(options, Azurite.ConnectionString, registry =>
        {
            registry.AddOrchestrator<AwaitVerificationOrchestrator>();
            registry.AddActivityFunc<RecordingRef, VerificationProgress>(nameof(GetVerificationProgressActivity), (_, _) =>
            {
                Interlocked.Increment(ref checks);
                return new VerificationProgress(100 - Volatile.Read(ref pending), 100);
            });
        });
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var client = host.Services.GetRequiredService<DurableTaskClient>();
            var id = await client.ScheduleNewOrchestrationInstanceAsync(nameof(AwaitVerificationOrchestrator),
                new AwaitVerificationInput("s", "r", TimeSpan.FromHours(1)));
            await Eventually(() => Volatile.Read(ref checks) >= 1);

            var signals = AwaitVerificationOrchestrator.WakeUpsPerGeneration + 3;
            for (var i = 0; i < signals; i++)
                await client.RaiseEventAsync(id, VerificationSignal.EventName, new VerificationSignal($"item-{i}"));
            // The next generation's first count proves the continue-as-new happened; signals queued
            // behind it are dropped by design because that count includes their decisions.
            await Eventually(() => Volatile.Read(ref checks) >= AwaitVerificationOrchestrator.WakeUpsPerGeneration + 1);
            Interlocked.Exchange(ref pending, 0);
            await client.RaiseEventAsync(id, VerificationSignal.EventName, new VerificationSignal("last"));

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            var done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
            Assert.Equal(0, done.ReadOutputAs<VerificationProgress>()!.Pending);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task AnActivityLongerThanItsVisibility_RunsOnce_BecauseItsLockIsRenewed()
    {
        Azurite.EnsureRunning();
        var visibility = TimeSpan.FromSeconds(2);
        // Only the activity's messages get the short visibility: a replay slowed by a loaded machine must not
        // outlive its own control-queue messages' visibility and be reported as trouble here.
        var options = new LocalDurableOptions
        {
            TaskHubName = "t" + Guid.NewGuid().ToString("N")[..12], WorkItemVisibility = visibility, ControlQueueVisibility = TimeSpan.FromSeconds(30),
        };
        var runs = 0;
        var logs = new CapturedLogs();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddLocalDurableBackend(options, Azurite.ConnectionString, registry =>
        {
            registry.AddOrchestratorFunc<string, int>("LongWork", async (context, _) => await context.CallActivityAsync<int>("Slow"));
            registry.AddActivityFunc<int>("Slow", async _ =>
            {
                var run = Interlocked.Increment(ref runs);
                // Four visibilities: without renewal the message reappears and a second run starts meanwhile.
                await Task.Delay(visibility * 4);
                return run;
            });
        });
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var client = host.Services.GetRequiredService<DurableTaskClient>();
            var id = await client.ScheduleNewOrchestrationInstanceAsync("LongWork", "go");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            var done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
            Assert.Equal(1, done.ReadOutputAs<int>());
            // Wait past another visibility: a message left visible would have started a second run by now.
            await Task.Delay(visibility * 2);
            Assert.Equal(1, Volatile.Read(ref runs));
            var trouble = logs.Lines.Where(l => l.Level >= LogLevel.Warning && l.Message.Contains("multiple times", StringComparison.OrdinalIgnoreCase)
                || l.Message.Contains("PopReceipt", StringComparison.OrdinalIgnoreCase)).Select(l => l.Message).ToList();
            Assert.Empty(trouble);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(90);
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("Condition not met in time.");
            await Task.Delay(100);
        }
    }
}
