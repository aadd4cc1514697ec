using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using Workflow.Domain.Ports;
using Workflow.Domain.Recordings;
using Workflow.Orchestrations.Contracts;
using Workflow.Storage;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// Checks that the stored upload is what it claims to be: decodable audio (probed, duration recorded)
/// or a readable transcript (imported into the identifiable store, which makes transcription unnecessary).
/// </summary>
[DurableTask(nameof(IngestRecordingActivity))]
public sealed class IngestRecordingActivity(
    WorkflowStores stores,
    IAudioProbe probe,
    TranscriptImporterCatalog importers,
    IOptions<PipelineOptions> options) : TaskActivity<RecordingPipelineInput, IngestResult>
{
    public override async Task<IngestResult> RunAsync(TaskActivityContext context, RecordingPipelineInput input)
    {
        var ct = CancellationToken.None;
        if (input.Source == SourceKind.Transcript)
        {
            var importer = importers.Require(input.FileName);
            await using var content = await stores.RawUploads.OpenReadAsync(input.BlobName, ct);
            var transcript = importer.Import(input.RecordingId, content);
            await stores.Documents.SaveTranscriptAsync(input.StudyId, transcript, ct);
            return new IngestResult(SourceKind.Transcript, null, transcript.Utterances.Count, $"{importer.Format}, {transcript.Utterances.Count} turns");
        }

        await using var local = await LocalCopy.DownloadAsync(stores.RawUploads, input, options.Value.WorkDirectory, ct);
        var audio = await probe.ProbeAsync(local.Path, ct);
        await stores.Recordings.UpdateAsync(input.RecordingId, r => r with { DurationSeconds = audio.DurationSeconds }, ct);
        return new IngestResult(SourceKind.Audio, audio.DurationSeconds, null, $"{audio.Codec}, {audio.DurationSeconds:0.0} s");
    }
}
