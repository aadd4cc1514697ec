using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Workflow.Domain.Recordings;
using Workflow.Domain.Reprocessing;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Reprocessing;

namespace Workflow.Orchestrations.Tests.Pipeline;

/// <summary>The batch orchestrator under the real replay engine, with fake activities.</summary>
public class StudyBatchOrchestratorTests
{
    private static BatchInput Input(ReprocessStage stage = ReprocessStage.Coding, int parallel = 2) =>
        new("batch-1", "s", stage, ReprocessScope.WholeStudy, "lead", TimeSpan.FromSeconds(1), parallel);

    private static async Task<DurableTaskTestHost> StartAsync(FakeActivities fakes)
    {
        var host = await HostFixture.StartAsync(fakes);
        fakes.Starter = start => host.Client.ScheduleNewOrchestrationInstanceAsync(start.Orchestrator, start.Input,
            new StartOrchestrationOptions(InstanceId: start.InstanceId));
        return host;
    }

    [Fact]
    public async Task Run_ReRunsEveryRecording_NeverMoreAtOnceThanTheLimit_AndDoesNotWaitForCoders()
    {
        var fakes = new FakeActivities { PendingItems = 3, CodingTakes = TimeSpan.FromMilliseconds(300) };
        fakes.Eligible.AddRange(["rec-1", "rec-2", "rec-3", "rec-4", "rec-5"]);
        await using var host = await StartAsync(fakes);
        var client = host.Client;

        await client.ScheduleNewOrchestrationInstanceAsync(nameof(StudyBatchOrchestrator), Input(parallel: 2), new StartOrchestrationOptions(InstanceId: "batch-1"));
        var done = await HostFixture.CompleteAsync(client, "batch-1");

        // Finished while every item still waits for a coder: people never hold up the batch.
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var outcome = done.ReadOutputAs<BatchOutcome>()!;
        Assert.Equal((5, 5, 0, 1), (outcome.Total, outcome.Done, outcome.Failed, outcome.Skipped));
        Assert.Equal(["rec-1", "rec-2", "rec-3", "rec-4", "rec-5"], fakes.Results.Keys.Order());
        Assert.All(fakes.Results.Values, p => Assert.Equal(RecordingStatus.WaitingForVerification, p.Status));
        Assert.Equal(2, fakes.MostCodingAtOnce);
        Assert.Equal(0, fakes.Attempts(nameof(DeidentifyTranscriptActivity)));
        Assert.Equal(new BatchLockInput("s", "batch-1"), Assert.Single(fakes.Released));

        // Each recording's finaliser waits on; once coders are done it finalises.
        var finaliser = await client.GetInstanceAsync("rec-1:batch-1:finalize");
        Assert.Equal(OrchestrationRuntimeStatus.Running, finaliser?.RuntimeStatus);
        Interlocked.Exchange(ref fakes.PendingItems, 0);
        await HostFixture.CompleteAsync(client, "rec-1:batch-1:finalize");
        Assert.Contains(PipelineStage.Completed, fakes.StagesOf("rec-1"));
    }

    [Fact]
    public async Task Run_FromDeidentification_RunsItAndCoding_ButNotTranscription()
    {
        var fakes = new FakeActivities { PendingItems = 0 };
        fakes.Eligible.Add("rec-1");
        await using var host = await StartAsync(fakes);

        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(StudyBatchOrchestrator), Input(ReprocessStage.Deidentification), new StartOrchestrationOptions(InstanceId: "batch-1"));
        await HostFixture.CompleteAsync(host.Client, "batch-1");

        Assert.Equal(1, fakes.Attempts(nameof(DeidentifyTranscriptActivity)));
        Assert.Equal(1, fakes.Attempts(nameof(CodeTranscriptActivity)));
        Assert.Equal(0, fakes.Attempts(nameof(TranscribeRecordingActivity)));
        Assert.Equal(1, fakes.Attempts(nameof(ReconcileVerificationActivity)));
    }

    [Theory]
    [InlineData(ReprocessStage.Deidentification, 1)]
    [InlineData(ReprocessStage.Coding, 0)]
    public async Task Run_OnAudio_TonesOutTheAudioAgain_OnlyWhenItIsDeidentifiedAgain(ReprocessStage stage, int copies)
    {
        var fakes = new FakeActivities { PendingItems = 0, TargetSource = SourceKind.Audio };
        fakes.Eligible.Add("rec-1");
        await using var host = await StartAsync(fakes);

        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(StudyBatchOrchestrator), Input(stage), new StartOrchestrationOptions(InstanceId: "batch-1"));
        await HostFixture.CompleteAsync(host.Client, "batch-1");

        Assert.Equal(1, fakes.Attempts(nameof(CodeTranscriptActivity)));
        Assert.Equal(copies, fakes.Attempts(nameof(RedactAudioActivity)));
    }

    [Fact]
    public async Task Run_OneRecordingFails_TheOthersGoOn_AndTheFailureCarriesItsReason()
    {
        var fakes = new FakeActivities { PendingItems = 1 };
        fakes.Eligible.AddRange(["rec-1", "rec-2", "rec-3"]);
        fakes.FailCodingFor.Add("rec-2");
        await using var host = await StartAsync(fakes);

        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(StudyBatchOrchestrator), Input(), new StartOrchestrationOptions(InstanceId: "batch-1"));
        var outcome = (await HostFixture.CompleteAsync(host.Client, "batch-1")).ReadOutputAs<BatchOutcome>()!;

        Assert.Equal(1, outcome.Failed);
        var failed = Assert.Single(fakes.Results.Values, p => p.Status == RecordingStatus.Failed);
        Assert.Equal("rec-2", failed.RecordingId);
        Assert.Equal(PipelineStage.Coding, failed.Stage);
        Assert.Contains("coding engine is not configured", failed.Error);
        Assert.Equal(2, fakes.Results.Values.Count(p => p.Status == RecordingStatus.WaitingForVerification));
    }

    [Fact]
    public async Task Cancel_StopsNewRecordingsFromStarting_AndLetsRunningOnesFinish()
    {
        var fakes = new FakeActivities { PendingItems = 1, CodingTakes = TimeSpan.FromMilliseconds(400) };
        fakes.Eligible.AddRange(["rec-1", "rec-2", "rec-3", "rec-4", "rec-5"]);
        await using var host = await StartAsync(fakes);
        var client = host.Client;

        await client.ScheduleNewOrchestrationInstanceAsync(nameof(StudyBatchOrchestrator), Input(parallel: 1), new StartOrchestrationOptions(InstanceId: "batch-1"));
        await HostFixture.EventuallyAsync(() => fakes.Attempts(nameof(CodeTranscriptActivity)) >= 1);
        await client.RaiseEventAsync("batch-1", StudyBatchOrchestrator.CancelEvent, "lead");
        var outcome = (await HostFixture.CompleteAsync(client, "batch-1")).ReadOutputAs<BatchOutcome>()!;

        Assert.True(outcome.CancelRequested);
        Assert.True(outcome.Cancelled > 0);
        Assert.True(outcome.Done > 0);
        Assert.Equal(5, outcome.Done + outcome.Cancelled);
        Assert.Equal(outcome.Done, fakes.Attempts(nameof(CodeTranscriptActivity)));
        Assert.Single(fakes.Released);
    }

    [Fact]
    public async Task Run_LargerThanACheckpoint_ContinuesAsNewWithCountsOnly_AndStillReRunsEveryRecordingOnce()
    {
        var fakes = new FakeActivities { PendingItems = 1 };
        fakes.Eligible.AddRange(Enumerable.Range(1, 7).Select(i => $"rec-{i}"));
        await using var host = await StartAsync(fakes);

        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(StudyBatchOrchestrator), Input(parallel: 2) with { CheckpointEvery = 3 }, new StartOrchestrationOptions(InstanceId: "batch-1"));
        var outcome = (await HostFixture.CompleteAsync(host.Client, "batch-1")).ReadOutputAs<BatchOutcome>()!;

        Assert.Equal(3, outcome.Generations);
        Assert.Equal((7, 7), (outcome.Total, outcome.Done));
        Assert.Equal(7, fakes.Results.Count);
        Assert.Equal(7, fakes.Attempts(nameof(CodeTranscriptActivity)));
        Assert.Equal(1, fakes.Attempts(nameof(PlanBatchActivity)));
        Assert.Single(fakes.Released);
    }
}
