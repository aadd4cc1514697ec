using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Workflow.Orchestrations.Pipeline;
using Workflow.Orchestrations.Reprocessing;
using Workflow.Orchestrations.Verification;

namespace Workflow.Orchestrations.Tests;

/// <summary>Starts the in-memory Durable Task host with the real orchestrators and the fake activities.</summary>
public static class HostFixture
{
    /// <summary>
    /// The test host picks a free port and then binds it; tests starting hosts in parallel can take the
    /// same one in between ("address already in use"), so a start that loses that race is tried again.
    /// </summary>
    public static async Task<DurableTaskTestHost> StartAsync(FakeActivities fakes)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(fakes);
            }
            catch (IOException e) when (attempt < 5 && e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await Task.Delay(100 * attempt);
            }
        }
    }

    private static Task<DurableTaskTestHost> StartOnceAsync(FakeActivities fakes) =>
        DurableTaskTestHost.StartAsync(registry =>
        {
            registry.AddOrchestrator<RecordingPipelineOrchestrator>();
            registry.AddOrchestrator<AwaitVerificationOrchestrator>();
            registry.AddOrchestrator<ReprocessStudyOrchestrator>();
            registry.AddOrchestrator<RecodeRecordingOrchestrator>();
            registry.AddOrchestrator<StudyBatchOrchestrator>();
            registry.AddOrchestrator<RerunRecordingOrchestrator>();
            registry.AddOrchestrator<FinalizeAfterVerificationOrchestrator>();
            registry.AddOrchestrator<CloudTranscriptionOrchestrator>();
            registry.AddOrchestrator<Workflow.Orchestrations.Deletion.RecordingDeletionOrchestrator>();
            fakes.Register(registry);
        });

    /// <summary>Waits until <paramref name="condition"/> holds, failing after <paramref name="seconds"/>.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("Condition not met in time.");
            await Task.Delay(50);
        }
    }

    public static async Task<OrchestrationMetadata> CompleteAsync(DurableTaskClient client, string instanceId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
    }
}
