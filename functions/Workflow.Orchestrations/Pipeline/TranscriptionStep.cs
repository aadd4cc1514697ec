using Microsoft.DurableTask;
using Workflow.Orchestrations.Activities;
using Workflow.Domain.Recordings;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations.Pipeline;

/// <summary>
/// The transcription stage, shared by the first pass and re-runs: an activity says how the study's
/// engine runs (so the orchestrator reads no configuration), then one activity transcribes, or chunk
/// activities do (prepare, every chunk at once, assemble) with progress per chunk, or
/// <see cref="CloudTranscriptionOrchestrator"/> watches a batch job on durable timers.
/// </summary>
internal static class TranscriptionStep
{
    public static async Task RunAsync(TaskOrchestrationContext context, RecordingPipelineInput input, StageTracker stages)
    {
        // Instances started before the plan existed replay the single activity they recorded.
        if (input.SchemaVersion < 2)
        {
            await context.CallActivityAsync<TranscriptionSummary>(nameof(TranscribeRecordingActivity), input, Retries.Transient);
            return;
        }

        var plan = await context.CallActivityAsync<TranscriptionPlan>(nameof(PlanTranscriptionActivity), input, Retries.Transient);
        if (plan.AlreadyDone) return;
        if (plan.Chunked)
        {
            await RunChunkedAsync(context, input, stages);
            return;
        }
        if (!plan.Batch)
        {
            await context.CallActivityAsync<TranscriptionSummary>(nameof(TranscribeRecordingActivity), input, Retries.Transient);
            return;
        }
        await context.CallSubOrchestratorAsync<TranscriptionSummary>(nameof(CloudTranscriptionOrchestrator),
            new CloudTranscriptionInput(input, plan.FirstCheck, plan.LongestInterval, plan.MaxWait),
            new SubOrchestrationOptions { InstanceId = context.InstanceId + ":transcribe" });
    }

    /// <summary>
    /// Every chunk is scheduled at once: the workers' activity slots (one per core locally, more
    /// instances in Azure) decide how many run together. Each finished chunk moves the progress on.
    /// </summary>
    private static async Task RunChunkedAsync(TaskOrchestrationContext context, RecordingPipelineInput input, StageTracker stages)
    {
        var chunks = await context.CallActivityAsync<int>(nameof(PrepareTranscriptionChunksActivity), input, Retries.Transient);
        // The row's 0/N goes through the queue now, while it holds no chunk yet; the chunks move it on themselves.
        await stages.EnterAsync(PipelineStage.Transcribing, RecordingStatus.Running, new StageProgress(0, chunks));
        var running = Enumerable.Range(0, chunks)
            .Select(i => context.CallActivityAsync<int>(nameof(TranscribeChunkActivity), new TranscriptionChunkInput(input, i), Retries.Transient))
            .ToList();
        var done = 0;
        while (running.Count > 0)
        {
            var finished = await Task.WhenAny(running);
            running.Remove(finished);
            await finished; // a failed chunk fails the stage with its reason
            stages.ReportProgress(new StageProgress(++done, chunks));
        }
        await context.CallActivityAsync<TranscriptionSummary>(nameof(AssembleTranscriptActivity), input, Retries.Transient);
    }
}
