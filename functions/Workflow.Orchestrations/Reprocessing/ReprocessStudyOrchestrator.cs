using Microsoft.DurableTask;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Pipeline;

namespace Workflow.Orchestrations.Reprocessing;

/// <summary>
/// Runs a batch operation over a study's recordings: fans out one sub-orchestration per eligible
/// recording, a few at a time so a large study does not flood the engines.
/// </summary>
[DurableTask(nameof(ReprocessStudyOrchestrator))]
public sealed class ReprocessStudyOrchestrator : TaskOrchestrator<ReprocessInput, ReprocessOutcome>
{
    public override async Task<ReprocessOutcome> RunAsync(TaskOrchestrationContext context, ReprocessInput input)
    {
        var plan = await context.CallActivityAsync<ReprocessPlan>(nameof(PlanReprocessActivity), input, Retries.Transient);
        var outcomes = new List<PipelineOutcome>();
        foreach (var batch in plan.Eligible.Chunk(Math.Max(1, input.MaxParallel)))
        {
            context.SetCustomStatus(new { done = outcomes.Count, total = plan.Eligible.Count, skipped = plan.Skipped.Count });
            var running = batch.Select(recordingId => context.CallSubOrchestratorAsync<PipelineOutcome>(
                nameof(RecodeRecordingOrchestrator),
                new RecodeInput(input.StudyId, recordingId, input.VerificationRecheck),
                new SubOrchestrationOptions { InstanceId = $"{context.InstanceId}:{recordingId}" }));
            outcomes.AddRange(await Task.WhenAll(running));
        }
        context.SetCustomStatus(new { done = outcomes.Count, total = plan.Eligible.Count, skipped = plan.Skipped.Count });
        return new ReprocessOutcome(input.StudyId, outcomes, plan.Skipped);
    }
}
