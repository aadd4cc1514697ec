using Microsoft.DurableTask;
using Workflow.Orchestrations.Contracts;
using Workflow.Storage;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// Downloads the finished job's result, maps it to the transcript and stores it in the identifiable
/// store exactly as <see cref="TranscribeRecordingActivity"/> does (with the run id). Only counts go back.
/// </summary>
[DurableTask(nameof(StoreTranscriptionResultActivity))]
public sealed class StoreTranscriptionResultActivity(BatchTranscriptionEngines engines, RecordingRepository recordings, RecordingDocuments documents)
    : TaskActivity<TranscriptionJobRef, TranscriptionSummary>
{
    public override async Task<TranscriptionSummary> RunAsync(TaskActivityContext context, TranscriptionJobRef job)
    {
        var ct = CancellationToken.None;
        var engine = await engines.ForAsync(job.StudyId, ct);
        var transcript = await engine.GetResultAsync(job.JobId, job.RecordingId, ct) with { RunId = job.RunId, EngineVersion = engine.Version };
        await documents.SaveTranscriptAsync(job.StudyId, transcript, ct);
        var audioSeconds = (await recordings.GetAsync(job.RecordingId, ct))?.DurationSeconds ?? 0;
        return new TranscriptionSummary(engine.Name, transcript.Utterances.Count, transcript.Utterances.Sum(u => u.Words.Count), audioSeconds, 0, Reused: false);
    }
}
