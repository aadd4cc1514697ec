using Microsoft.DurableTask.Client;
using Workflow.Domain.Recordings;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Reprocessing;

namespace Workflow.Orchestrations.Tests.Pipeline;

public class ReprocessStudyOrchestratorTests
{
    [Fact]
    public async Task Run_Recode_RecodesEveryEligibleRecordingAndReportsTheSkippedOnes()
    {
        var fakes = new FakeActivities { PendingItems = 0 };
        fakes.Eligible.AddRange(["rec-1", "rec-2", "rec-3"]);
        await using var host = await HostFixture.StartAsync(fakes);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ReprocessStudyOrchestrator),
            new ReprocessInput("s", ReprocessOperation.Recode, "lead", TimeSpan.FromHours(1), MaxParallel: 2));

        var done = await HostFixture.CompleteAsync(host.Client, id);

        var outcome = done.ReadOutputAs<ReprocessOutcome>()!;
        Assert.Equal(["rec-1", "rec-2", "rec-3"], outcome.Processed.Select(p => p.RecordingId).Order());
        Assert.All(outcome.Processed, p => Assert.Equal(RecordingStatus.Completed, p.Status));
        Assert.Equal("rec-busy", Assert.Single(outcome.Skipped).RecordingId);
        Assert.Equal(3, fakes.Attempts(nameof(SupersedePendingItemsActivity)));
        Assert.Equal(3, fakes.Attempts(nameof(CodeTranscriptActivity)));
        Assert.Equal(3, fakes.Attempts(nameof(FinalizeRecordingActivity)));
        Assert.Equal(0, fakes.Attempts(nameof(DeidentifyTranscriptActivity)));
    }
}
