using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflow.Domain.Ports;
using Workflow.Domain.Recordings;
using Workflow.Domain.Reprocessing;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Pipeline;
using Workflow.Orchestrations.Reprocessing;

namespace Workflow.Orchestrations.Tests.Pipeline;

/// <summary>
/// The batch-transcription monitor on the in-memory Durable host (real replay, real timers), driven
/// through the recording pipeline and the re-run orchestrator with fake activities.
/// </summary>
public class CloudTranscriptionOrchestratorTests
{
    private static readonly TimeSpan First = TimeSpan.FromMilliseconds(200), Longest = TimeSpan.FromMilliseconds(800);

    private static TranscriptionPlan BatchPlan(TimeSpan? maxWait = null) =>
        new("azure-speech-batch", Batch: true, AlreadyDone: false, First, Longest, maxWait ?? TimeSpan.FromMinutes(5));

    private static RecordingPipelineInput Audio(string id) =>
        new("study", id, SourceKind.Audio, $"study/{id}/source.wav", "source.wav", TimeSpan.FromHours(1));

    private static async Task<OrchestrationMetadata> RunPipelineAsync(FakeActivities fakes, string id)
    {
        await using var host = await HostFixture.StartAsync(fakes);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(RecordingPipelineOrchestrator), Audio(id), new StartOrchestrationOptions(InstanceId: id));
        return await HostFixture.CompleteAsync(host.Client, id);
    }

    private static List<DateTime> TimesOf(FakeActivities fakes, string name) => fakes.Timeline.Where(t => t.Name == name).Select(t => t.At).ToList();

    private static List<string> CloudCalls(FakeActivities fakes) => fakes.Calls.Where(c => c is nameof(PlanTranscriptionActivity) or nameof(SubmitTranscriptionJobActivity)
        or nameof(CheckTranscriptionJobActivity) or nameof(StoreTranscriptionResultActivity) or nameof(DeleteTranscriptionJobActivity)
        or nameof(TranscribeRecordingActivity) or nameof(DeidentifyTranscriptActivity)).ToList();

    [Fact]
    public async Task ABatchEngine_IsSubmittedCheckedOnTimersThatBackOff_StoredThenDeleted_BeforeDeidentifying()
    {
        var fakes = new FakeActivities { Plan = BatchPlan() };
        foreach (var _ in Enumerable.Range(0, 4)) fakes.CheckReplies.Enqueue(new JobCheck(BatchJobState.Running));

        var done = await RunPipelineAsync(fakes, "rec-cloud");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(
            [nameof(PlanTranscriptionActivity), nameof(SubmitTranscriptionJobActivity), .. Enumerable.Repeat(nameof(CheckTranscriptionJobActivity), 5),
             nameof(StoreTranscriptionResultActivity), nameof(DeleteTranscriptionJobActivity), nameof(DeidentifyTranscriptActivity)],
            CloudCalls(fakes));
        Assert.Equal("job-1", Assert.Single(fakes.DeletedJobs).JobId);

        // Waits of 200, 400, 800 (the cap), 800, 800 ms between submit and each check.
        var times = TimesOf(fakes, nameof(SubmitTranscriptionJobActivity)).Concat(TimesOf(fakes, nameof(CheckTranscriptionJobActivity))).ToList();
        var gaps = times.Zip(times.Skip(1), (a, b) => (b - a).TotalMilliseconds).ToList();
        double[] expected = [200, 400, 800, 800, 800];
        for (var i = 0; i < expected.Length; i++)
            Assert.True(gaps[i] >= expected[i] - 30, $"check {i + 1} came {gaps[i]:0} ms after the previous call, before the {expected[i]} ms timer");
        // Only lower bounds: a loaded machine can make any gap longer, never shorter than its timer.
    }

    [Fact]
    public async Task AThrottledCheck_WaitsTheServicesRetryAfter_OnATimer()
    {
        var fakes = new FakeActivities { Plan = BatchPlan() };
        fakes.CheckReplies.Enqueue(new JobCheck(BatchJobState.Running, RetryAfter: TimeSpan.FromSeconds(1.5), Busy: true));

        var done = await RunPipelineAsync(fakes, "rec-429");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var checks = TimesOf(fakes, nameof(CheckTranscriptionJobActivity));
        Assert.Equal(2, checks.Count);
        Assert.True((checks[1] - checks[0]).TotalSeconds >= 1.45, $"retried {(checks[1] - checks[0]).TotalSeconds:0.00} s after a 429 asking for 1.5 s");
    }

    [Fact]
    public async Task ABusyServiceAtSubmit_IsSubmittedAgainAfterItsRetryAfter_AsOneJob()
    {
        var fakes = new FakeActivities { Plan = BatchPlan() };
        fakes.SubmitReplies.Enqueue(new SubmitOutcome(null, TimeSpan.FromSeconds(1)));

        var done = await RunPipelineAsync(fakes, "rec-busy");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var submits = TimesOf(fakes, nameof(SubmitTranscriptionJobActivity));
        Assert.Equal(2, submits.Count);
        Assert.True((submits[1] - submits[0]).TotalSeconds >= 0.95);
        Assert.Single(fakes.DeletedJobs);
    }

    [Fact]
    public async Task AFailedJob_FailsTheStageWithTheServicesReason_AndTheJobIsDeleted()
    {
        var fakes = new FakeActivities { Plan = BatchPlan() };
        fakes.CheckReplies.Enqueue(new JobCheck(BatchJobState.Running));
        fakes.CheckReplies.Enqueue(new JobCheck(BatchJobState.Failed, "Azure AI Speech could not transcribe the recording (InvalidData: The audio could not be decoded.)."));

        var done = await RunPipelineAsync(fakes, "rec-failed");

        var outcome = done.ReadOutputAs<PipelineOutcome>()!;
        Assert.Equal(RecordingStatus.Failed, outcome.Status);
        Assert.Equal(PipelineStage.Transcribing, outcome.Stage);
        Assert.Equal("Transcribing failed: Azure AI Speech could not transcribe the recording (InvalidData: The audio could not be decoded.).", outcome.Error);
        Assert.Equal(outcome.Error, Assert.Single(fakes.Failures).Reason);
        Assert.Single(fakes.DeletedJobs);
        Assert.DoesNotContain(nameof(StoreTranscriptionResultActivity), fakes.Calls);
        Assert.DoesNotContain(nameof(DeidentifyTranscriptActivity), fakes.Calls);
    }

    [Fact]
    public async Task AMissingResultFile_FailsTheStageClearly_WithoutRetrying_AndTheJobIsDeleted()
    {
        var fakes = new FakeActivities { Plan = BatchPlan() };
        fakes.Throw[nameof(StoreTranscriptionResultActivity)] = _ => new EngineUnavailableException(
            "Azure AI Speech finished job job-1 but listed no transcription result file (1 file(s), none of kind Transcription); re-run the transcription.");

        var done = await RunPipelineAsync(fakes, "rec-noresult");

        var outcome = done.ReadOutputAs<PipelineOutcome>()!;
        Assert.Equal(RecordingStatus.Failed, outcome.Status);
        Assert.Contains("Transcribing failed: Azure AI Speech finished job job-1 but listed no transcription result file", outcome.Error);
        Assert.Equal(1, fakes.Attempts(nameof(StoreTranscriptionResultActivity)));
        Assert.Single(fakes.DeletedJobs);
    }

    [Fact]
    public async Task RefusedCredentialsAtSubmit_FailTheStageNamingTheSetting_WithNoJobToDelete()
    {
        var fakes = new FakeActivities { Plan = BatchPlan() };
        fakes.Throw[nameof(SubmitTranscriptionJobActivity)] = _ => new EngineUnavailableException(
            "Azure AI Speech refused the credentials (401). Check Engines:AzureSpeech:ApiKey and Engines:AzureSpeech:Endpoint.");

        var done = await RunPipelineAsync(fakes, "rec-401");

        var outcome = done.ReadOutputAs<PipelineOutcome>()!;
        Assert.Contains("refused the credentials (401). Check Engines:AzureSpeech:ApiKey", outcome.Error);
        Assert.Equal(1, fakes.Attempts(nameof(SubmitTranscriptionJobActivity)));
        Assert.Empty(fakes.DeletedJobs);
    }

    [Fact]
    public async Task AJobThatOutlivesTheMaximumWait_FailsTheStage_AndIsDeleted()
    {
        var fakes = new FakeActivities { Plan = BatchPlan(maxWait: TimeSpan.FromSeconds(1)) };
        foreach (var _ in Enumerable.Range(0, 50)) fakes.CheckReplies.Enqueue(new JobCheck(BatchJobState.Running));

        var done = await RunPipelineAsync(fakes, "rec-slow");

        var outcome = done.ReadOutputAs<PipelineOutcome>()!;
        Assert.Equal(RecordingStatus.Failed, outcome.Status);
        Assert.Contains("did not finish within 00:00:01", outcome.Error);
        Assert.InRange(fakes.Attempts(nameof(CheckTranscriptionJobActivity)), 1, 3);
        Assert.Single(fakes.DeletedJobs);
    }

    [Fact]
    public async Task ATranscriptThisRunAlreadyStored_IsNotMadeAgain()
    {
        var fakes = new FakeActivities { Plan = BatchPlan() with { AlreadyDone = true } };

        var done = await RunPipelineAsync(fakes, "rec-done");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal([nameof(PlanTranscriptionActivity), nameof(DeidentifyTranscriptActivity)], CloudCalls(fakes));
    }

    [Fact]
    public async Task APipelineStartedBeforeThePlan_ReplaysItsSingleTranscriptionActivity()
    {
        var fakes = new FakeActivities { Plan = BatchPlan() };
        await using var host = await HostFixture.StartAsync(fakes);
        var legacy = Audio("rec-v1") with { SchemaVersion = 1 };
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(RecordingPipelineOrchestrator), legacy, new StartOrchestrationOptions(InstanceId: legacy.RecordingId));

        await HostFixture.CompleteAsync(host.Client, legacy.RecordingId);

        Assert.Equal([nameof(TranscribeRecordingActivity), nameof(DeidentifyTranscriptActivity)], CloudCalls(fakes));
    }

    [Fact]
    public async Task ReTranscription_InABatch_TakesTheSameMonitor_WithTheBatchsRunId()
    {
        var fakes = new FakeActivities { Plan = BatchPlan(), PendingItems = 1 };
        await using var host = await HostFixture.StartAsync(fakes);
        fakes.Starter = _ => Task.CompletedTask;
        var input = new RerunInput("batch-7", "study", new RerunTarget("rec-re", SourceKind.Audio, "study/rec-re/source.wav", "source.wav"),
            ReprocessStage.Transcription, TimeSpan.FromHours(1), SchemaVersion: 2);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(RerunRecordingOrchestrator), input, new StartOrchestrationOptions(InstanceId: "batch-7:rec-re"));

        var done = await HostFixture.CompleteAsync(host.Client, "batch-7:rec-re");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("batch-7", Assert.Single(fakes.Submitted).RunId);
        Assert.Equal("batch-7", Assert.Single(fakes.DeletedJobs).RunId);
        Assert.Contains(nameof(StoreTranscriptionResultActivity), fakes.Calls);
        var monitor = await host.Client.GetInstanceAsync("batch-7:rec-re:transcribe", getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, monitor!.RuntimeStatus);
        // History carries ids and counts: no audio URL, no text.
        Assert.DoesNotContain("sig=", monitor.SerializedInput + monitor.SerializedOutput + monitor.SerializedCustomStatus);
    }

    [Theory]
    [InlineData(0, null, 30)]
    [InlineData(1, null, 60)]
    [InlineData(3, null, 240)]
    [InlineData(4, null, 300)]
    [InlineData(20, null, 300)]
    [InlineData(0, 120.0, 120)]
    [InlineData(4, 10.0, 300)]
    public void ThePollSchedule_DoublesToItsCap_AndNeverComesBeforeRetryAfter(int attempt, double? retryAfterSeconds, double expectedSeconds)
    {
        var next = PollSchedule.Next(attempt, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5), retryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : null);
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), next);
    }
}
