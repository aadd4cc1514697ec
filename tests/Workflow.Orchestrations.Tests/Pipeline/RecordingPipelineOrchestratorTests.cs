using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflow.Domain.Ports;
using Workflow.Domain.Recordings;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Pipeline;

namespace Workflow.Orchestrations.Tests.Pipeline;

public class RecordingPipelineOrchestratorTests
{
    private static RecordingPipelineInput Input(string id, SourceKind source) =>
        new("study", id, source, $"study/{id}/source.txt", "interview.txt", TimeSpan.FromHours(1));

    private static async Task<string> StartAsync(DurableTaskClient client, RecordingPipelineInput input) =>
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(RecordingPipelineOrchestrator), input, new StartOrchestrationOptions(InstanceId: input.RecordingId));

    [Fact]
    public async Task Run_Transcript_SkipsTranscriptionWaitsForVerificationThenCompletes()
    {
        var fakes = new FakeActivities { PendingItems = 2 };
        await using var host = await HostFixture.StartAsync(fakes);
        var id = await StartAsync(host.Client, Input("rec-t", SourceKind.Transcript));

        await HostFixture.EventuallyAsync(() => fakes.Attempts(nameof(GetVerificationProgressActivity)) >= 1);
        var waiting = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Running, waiting!.RuntimeStatus);
        Assert.Contains("AwaitingVerification", waiting.SerializedCustomStatus);
        Assert.DoesNotContain(nameof(FinalizeRecordingActivity), fakes.Calls);

        Interlocked.Exchange(ref fakes.PendingItems, 0);
        await host.Client.RaiseEventAsync(id + ":verify", VerificationSignal.EventName, new VerificationSignal("item-1"));
        var done = await HostFixture.CompleteAsync(host.Client, id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(RecordingStatus.Completed, done.ReadOutputAs<PipelineOutcome>()!.Status);
        Assert.DoesNotContain(nameof(TranscribeRecordingActivity), fakes.Calls);
        Assert.Equal(
            [PipelineStage.Ingesting, PipelineStage.Deidentifying, PipelineStage.Coding, PipelineStage.AwaitingVerification, PipelineStage.Finalizing, PipelineStage.Completed],
            fakes.StagesOf(id));
    }

    [Fact]
    public async Task Run_Audio_TranscribesBeforeDeidentifying_ThenTonesOutTheAudioBeforeCoding()
    {
        var fakes = new FakeActivities { PendingItems = 0 };
        await using var host = await HostFixture.StartAsync(fakes);
        var id = await StartAsync(host.Client, Input("rec-a", SourceKind.Audio));

        var done = await HostFixture.CompleteAsync(host.Client, id);

        Assert.Equal(RecordingStatus.Completed, done.ReadOutputAs<PipelineOutcome>()!.Status);
        var work = fakes.Calls.Where(c => c is nameof(IngestRecordingActivity) or nameof(TranscribeRecordingActivity) or nameof(DeidentifyTranscriptActivity)
            or nameof(RedactAudioActivity) or nameof(CodeTranscriptActivity)).ToList();
        Assert.Equal([nameof(IngestRecordingActivity), nameof(TranscribeRecordingActivity), nameof(DeidentifyTranscriptActivity), nameof(RedactAudioActivity), nameof(CodeTranscriptActivity)], work);
    }

    [Fact]
    public async Task Run_Transcript_OrAPipelineStartedBeforeAudioWasDeidentified_MakesNoAudioCopy()
    {
        var fakes = new FakeActivities { PendingItems = 0 };
        await using var host = await HostFixture.StartAsync(fakes);
        var text = await StartAsync(host.Client, Input("rec-text", SourceKind.Transcript));
        // Version 2 pipelines recorded no such step: replaying them must not add one.
        var legacy = await StartAsync(host.Client, Input("rec-v2", SourceKind.Audio) with { SchemaVersion = 2 });

        Assert.Equal(RecordingStatus.Completed, (await HostFixture.CompleteAsync(host.Client, text)).ReadOutputAs<PipelineOutcome>()!.Status);
        Assert.Equal(RecordingStatus.Completed, (await HostFixture.CompleteAsync(host.Client, legacy)).ReadOutputAs<PipelineOutcome>()!.Status);
        Assert.Equal(2, fakes.Attempts(nameof(DeidentifyTranscriptActivity)));
        Assert.Equal(0, fakes.Attempts(nameof(RedactAudioActivity)));
    }

    [Fact]
    public async Task Run_InvalidUpload_FailsTheRecordingOnceWithTheReasonAndNoRetry()
    {
        var fakes = new FakeActivities();
        fakes.Throw[nameof(IngestRecordingActivity)] = _ => new InvalidUploadException("The file is not decodable audio.");
        await using var host = await HostFixture.StartAsync(fakes);
        var id = await StartAsync(host.Client, Input("rec-bad", SourceKind.Audio));

        var done = await HostFixture.CompleteAsync(host.Client, id);

        var outcome = done.ReadOutputAs<PipelineOutcome>()!;
        Assert.Equal(RecordingStatus.Failed, outcome.Status);
        Assert.Equal(PipelineStage.Ingesting, outcome.Stage);
        Assert.Equal("Ingesting failed: The file is not decodable audio.", outcome.Error);
        Assert.Equal(1, fakes.Attempts(nameof(IngestRecordingActivity)));
        var failure = Assert.Single(fakes.Failures);
        Assert.Equal(outcome.Error, failure.Reason);
        Assert.DoesNotContain(nameof(TranscribeRecordingActivity), fakes.Calls);
    }

    [Fact]
    public async Task Run_TransientFault_IsRetriedAndThePipelineCarriesOn()
    {
        var fakes = new FakeActivities { PendingItems = 0 };
        fakes.Throw[nameof(DeidentifyTranscriptActivity)] = attempt => attempt == 1 ? new IOException("storage hiccup") : null;
        await using var host = await HostFixture.StartAsync(fakes);
        var id = await StartAsync(host.Client, Input("rec-retry", SourceKind.Transcript));

        var done = await HostFixture.CompleteAsync(host.Client, id);

        Assert.Equal(RecordingStatus.Completed, done.ReadOutputAs<PipelineOutcome>()!.Status);
        Assert.Equal(2, fakes.Attempts(nameof(DeidentifyTranscriptActivity)));
    }

    [Fact]
    public async Task Run_UnexpectedFault_ReportsTheTypeButNotTheMessage()
    {
        var fakes = new FakeActivities();
        fakes.Throw[nameof(CodeTranscriptActivity)] = _ => new InvalidOperationException("secret transcript words");
        await using var host = await HostFixture.StartAsync(fakes);
        var id = await StartAsync(host.Client, Input("rec-oops", SourceKind.Transcript));

        var done = await HostFixture.CompleteAsync(host.Client, id);

        var outcome = done.ReadOutputAs<PipelineOutcome>()!;
        Assert.Equal(RecordingStatus.Failed, outcome.Status);
        Assert.Contains("InvalidOperationException", outcome.Error);
        Assert.DoesNotContain("secret", outcome.Error);
        Assert.Equal(3, fakes.Attempts(nameof(CodeTranscriptActivity)));
    }
}
