using Microsoft.DurableTask;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations.Pipeline;

/// <summary>
/// The transcription stage, shared by the first pass and re-runs: an activity says how the study's
/// engine runs (so the orchestrator reads no configuration), then either one activity transcribes or
/// <see cref="CloudTranscriptionOrchestrator"/> watches a batch job on durable timers.
/// </summary>
internal static class TranscriptionStep
{
    public static async Task RunAsync(TaskOrchestrationContext context, RecordingPipelineInput input)
    {
        // Instances started before the plan existed replay the single activity they recorded.
        if (input.SchemaVersion < 2)
        {
            await context.CallActivityAsync<TranscriptionSummary>(nameof(TranscribeRecordingActivity), input, Retries.Transient);
            return;
        }

        var plan = await context.CallActivityAsync<TranscriptionPlan>(nameof(PlanTranscriptionActivity), input, Retries.Transient);
        if (plan.AlreadyDone) return;
        if (!plan.Batch)
        {
            await context.CallActivityAsync<TranscriptionSummary>(nameof(TranscribeRecordingActivity), input, Retries.Transient);
            return;
        }
        await context.CallSubOrchestratorAsync<TranscriptionSummary>(nameof(CloudTranscriptionOrchestrator),
            new CloudTranscriptionInput(input, plan.FirstCheck, plan.LongestInterval, plan.MaxWait),
            new SubOrchestrationOptions { InstanceId = context.InstanceId + ":transcribe" });
    }
}
