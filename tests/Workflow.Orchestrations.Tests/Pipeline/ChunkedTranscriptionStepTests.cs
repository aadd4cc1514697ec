using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflow.Domain.Ports;
using Workflow.Domain.Recordings;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Pipeline;

namespace Workflow.Orchestrations.Tests.Pipeline;

/// <summary>
/// The chunked transcription path on the in-memory Durable host (real replay): prepare, every chunk
/// as its own activity, assemble; progress per chunk in the recording's row and the custom status.
/// </summary>
public class ChunkedTranscriptionStepTests
{
    private static RecordingPipelineInput Audio(string id) =>
        new("study", id, SourceKind.Audio, $"study/{id}/source.wav", "source.wav", TimeSpan.FromHours(1));

    private static TranscriptionPlan ChunkedPlan => new("pocketsphinx-0.8", Batch: false, AlreadyDone: false, Chunked: true);

    [Fact]
    public async Task EveryChunkRunsOnceAsItsOwnActivity_AfterTheRowShowsNoneDone_ThenTheTranscriptIsAssembled_BeforeDeidentifying()
    {
        var fakes = new FakeActivities { Plan = ChunkedPlan, Chunks = 5 };
        await using var host = await HostFixture.StartAsync(fakes);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(RecordingPipelineOrchestrator), Audio("rec-chunks"), new StartOrchestrationOptions(InstanceId: "rec-chunks"));
        var done = await HostFixture.CompleteAsync(host.Client, "rec-chunks");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal([0, 1, 2, 3, 4], fakes.ChunksTranscribed.Order());
        var transcription = fakes.Calls.Where(c => c is nameof(PrepareTranscriptionChunksActivity) or nameof(TranscribeChunkActivity)
            or nameof(AssembleTranscriptActivity) or nameof(TranscribeRecordingActivity) or nameof(DeidentifyTranscriptActivity)).ToList();
        Assert.Equal([nameof(PrepareTranscriptionChunksActivity), .. Enumerable.Repeat(nameof(TranscribeChunkActivity), 5),
            nameof(AssembleTranscriptActivity), nameof(DeidentifyTranscriptActivity)], transcription);

        // The row gets 0/5 from the orchestrator; each chunk activity moves it on itself (an update
        // scheduled here would queue behind the chunks), so no further stage updates come from here.
        var progress = fakes.Stages.Where(s => s.Stage == PipelineStage.Transcribing && s.Progress is not null).Select(s => s.Progress!.ToString()).ToList();
        Assert.Equal(["0/5"], progress);
    }

    [Fact]
    public async Task AFailedChunk_FailsTheRecordingAtTranscription_WithItsReason_AndNothingIsAssembled()
    {
        var fakes = new FakeActivities { Plan = ChunkedPlan, Chunks = 3 };
        fakes.Throw[nameof(TranscribeChunkActivity)] = attempt => attempt == 2 ? new EngineUnavailableException("PocketSphinx could not load its models.") : null;
        await using var host = await HostFixture.StartAsync(fakes);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(RecordingPipelineOrchestrator), Audio("rec-chunk-fails"), new StartOrchestrationOptions(InstanceId: "rec-chunk-fails"));
        var done = await HostFixture.CompleteAsync(host.Client, "rec-chunk-fails");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var outcome = done.ReadOutputAs<PipelineOutcome>()!;
        Assert.Equal((RecordingStatus.Failed, PipelineStage.Transcribing), (outcome.Status, outcome.Stage));
        Assert.Contains("Transcribing failed: PocketSphinx could not load its models.", Assert.Single(fakes.Failures).Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(AssembleTranscriptActivity), fakes.Calls);
        Assert.DoesNotContain(nameof(DeidentifyTranscriptActivity), fakes.Calls);
    }
}
