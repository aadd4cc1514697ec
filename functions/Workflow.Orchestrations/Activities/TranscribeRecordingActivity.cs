using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using Workflow.Domain.Ports;
using Workflow.Orchestrations.Contracts;
using Workflow.Storage;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// Transcribes the upload with the configured engine into the identifiable store. If a transcript
/// already exists (the activity ran before a crash), it is reused rather than paid for twice.
/// </summary>
[DurableTask(nameof(TranscribeRecordingActivity))]
public sealed class TranscribeRecordingActivity(
    WorkflowStores stores,
    ITranscriptionEngine engine,
    IOptions<PipelineOptions> options) : TaskActivity<RecordingPipelineInput, TranscriptionSummary>
{
    public override async Task<TranscriptionSummary> RunAsync(TaskActivityContext context, RecordingPipelineInput input)
    {
        var ct = CancellationToken.None;
        var recording = await stores.Recordings.GetAsync(input.RecordingId, ct);
        var audioSeconds = recording?.DurationSeconds ?? 0;
        var existing = await stores.Documents.GetTranscriptAsync(input.StudyId, input.RecordingId, ct);
        if (existing is not null && existing.Source == engine.Name)
            return Summarize(existing, audioSeconds, 0, reused: true);

        await using var local = await LocalCopy.DownloadAsync(stores.RawUploads, input, options.Value.WorkDirectory, ct);
        var clock = Stopwatch.StartNew();
        var transcript = await engine.TranscribeAsync(input.RecordingId, local.Path, recording?.Metadata.Language, ct);
        var seconds = clock.Elapsed.TotalSeconds;
        await stores.Documents.SaveTranscriptAsync(input.StudyId, transcript, ct);
        // The engine logs its own counts and timing; the summary goes to the orchestration.
        return Summarize(transcript, audioSeconds, seconds, reused: false);
    }

    private TranscriptionSummary Summarize(Domain.Transcripts.Transcript t, double audioSeconds, double seconds, bool reused) =>
        new(engine.Name, t.Utterances.Count, t.Utterances.Sum(u => u.Words.Count > 0 ? u.Words.Count : u.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length),
            audioSeconds, seconds, reused);
}
