using Microsoft.DurableTask;
using Workflow.Composition;
using Workflow.Domain.Ports;
using Workflow.Orchestrations.Contracts;
using Workflow.Storage;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// Decides how the recording is transcribed: by the study's engine in one activity, in chunk activities, or as a batch job
/// on a cloud service watched by <see cref="Pipeline.CloudTranscriptionOrchestrator"/>. A transcript this
/// run already stored (the orchestration replayed after a crash) is reused, not paid for twice.
/// </summary>
[DurableTask(nameof(PlanTranscriptionActivity))]
public sealed class PlanTranscriptionActivity(BatchTranscriptionEngines batchEngines, EngineSelection engines, RecordingDocuments documents)
    : TaskActivity<RecordingPipelineInput, TranscriptionPlan>
{
    public override async Task<TranscriptionPlan> RunAsync(TaskActivityContext context, RecordingPipelineInput input)
    {
        var ct = CancellationToken.None;
        var engine = engines.Transcription(await batchEngines.StudyAsync(input.StudyId, ct));
        var existing = await documents.GetTranscriptAsync(input.StudyId, input.RecordingId, ct);
        var done = existing is not null && existing.Source == engine.Name && existing.RunId == input.RunId;
        return engine is IBatchTranscriptionEngine batch
            ? new TranscriptionPlan(engine.Name, Batch: true, done, batch.Polling.FirstCheck, batch.Polling.LongestInterval, batch.Polling.MaxWait)
            : new TranscriptionPlan(engine.Name, Batch: false, done, Chunked: engine is IChunkedTranscriptionEngine);
    }
}
