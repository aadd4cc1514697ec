using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Deletion;
using Workflow.Storage;

namespace Workflow.Orchestrations.Tests.Deletion;

/// <summary>The deletion's order of work on the in-memory Durable host (real replay, real timers), with fake activities.</summary>
public class RecordingDeletionOrchestratorTests
{
    private static readonly TimeSpan Sweep = TimeSpan.FromMilliseconds(300);

    private static async Task<(OrchestrationMetadata Result, FakeActivities Fakes)> RunAsync(Action<FakeActivities> arrange)
    {
        var fakes = new FakeActivities();
        arrange(fakes);
        await using var host = await HostFixture.StartAsync(fakes);
        var input = new RecordingDeletionInput("study", "rec-1", "lead-1", DeletionReason.ConsentWithdrawn, Sweep);
        var id = RecordingDeletionInput.InstanceIdFor("rec-1");
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(RecordingDeletionOrchestrator), input, new StartOrchestrationOptions(InstanceId: id));
        return (await HostFixture.CompleteAsync(host.Client, id), fakes);
    }

    [Fact]
    public async Task StopsFirst_ErasesTwiceAroundTheSweep_PurgesThenCompletes_WithBothErasuresCounted()
    {
        var (result, fakes) = await RunAsync(_ => { });

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(
            [nameof(StopRecordingWorkActivity), nameof(EraseRecordingActivity), nameof(StopRecordingWorkActivity), nameof(EraseRecordingActivity),
             nameof(PurgeRecordingHistoryActivity), nameof(CompleteRecordingDeletionActivity)],
            fakes.Calls.ToArray());
        var completed = Assert.Single(fakes.CompletedDeletions);
        Assert.Equal(new ErasureReport(12, 8, 2, 4), completed.Erased);
        Assert.Equal(3, completed.InstancesPurged);
        Assert.Equal("lead-1", completed.Input.RequestedBy);
        Assert.Equal(DeletionReason.ConsentWithdrawn, completed.Input.Reason);
    }

    [Fact]
    public async Task WhileInstancesHaveNotEnded_ItLooksAgainBeforeErasing()
    {
        var (result, fakes) = await RunAsync(f => f.StillRunning.Enqueue(2));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        var calls = fakes.Calls.ToList();
        Assert.Equal([nameof(StopRecordingWorkActivity), nameof(StopRecordingWorkActivity), nameof(EraseRecordingActivity)], calls.Take(3));
    }

    [Fact]
    public async Task AFailingErasure_IsRetried_AndTheDeletionStillCompletes()
    {
        var (result, fakes) = await RunAsync(f => f.Throw[nameof(EraseRecordingActivity)] = attempt => attempt == 1 ? new InvalidOperationException("storage blip") : null);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(3, fakes.Calls.Count(c => c == nameof(EraseRecordingActivity)));
        Assert.Single(fakes.CompletedDeletions);
    }
}
