using Microsoft.DurableTask;
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
    RawUploadRepository rawUploads,
    RecordingDocuments documents,
    RecordingRepository recordings,
    IAudioProbe probe,
    TranscriptImporterCatalog importers,
    AudioSources audio) : TaskActivity<RecordingPipelineInput, IngestResult>
{
    public override async Task<IngestResult> RunAsync(TaskActivityContext context, RecordingPipelineInput input)
    {
        var ct = CancellationToken.None;
        if (input.Source == SourceKind.Transcript)
        {
            var importer = importers.Require(input.FileName);
            await using var content = await rawUploads.OpenReadAsync(input.BlobName, ct);
            var transcript = importer.Import(input.RecordingId, content) with { EngineVersion = importer.Version };
            await documents.SaveTranscriptAsync(input.StudyId, transcript, ct);
            return new IngestResult(SourceKind.Transcript, null, transcript.Utterances.Count, $"{importer.Format}, {transcript.Utterances.Count} turns");
        }

        AudioInfo info;
        await using (var local = await audio.For(input).GetLocalCopyAsync(ct))
            info = await probe.ProbeAsync(local.Path, ct);
        await recordings.UpdateAsync(input.RecordingId, r => r with { DurationSeconds = info.DurationSeconds }, ct);
        return new IngestResult(SourceKind.Audio, info.DurationSeconds, null, $"{info.Codec}, {info.DurationSeconds:0.0} s");
    }
}
