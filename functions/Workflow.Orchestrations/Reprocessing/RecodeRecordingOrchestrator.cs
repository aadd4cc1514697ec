using Microsoft.DurableTask;
using Workflow.Domain.Recordings;
using Workflow.Domain.Verification;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Pipeline;

namespace Workflow.Orchestrations.Reprocessing;

/// <summary>
/// Re-codes one completed recording against the study's current codebook: new suggestions replace
/// pending ones, coders verify them, and the final transcript is written again. Redaction decisions
/// already made are kept.
/// </summary>
[DurableTask(nameof(RecodeRecordingOrchestrator))]
public sealed class RecodeRecordingOrchestrator : TaskOrchestrator<RecodeInput, PipelineOutcome>
{
    public override async Task<PipelineOutcome> RunAsync(TaskOrchestrationContext context, RecodeInput input)
    {
        var stages = new StageTracker(context, input.RecordingId);
        try
        {
            await stages.EnterAsync(PipelineStage.Coding);
            await context.CallActivityAsync<int>(nameof(SupersedePendingItemsActivity),
                new SupersedeInput(input.StudyId, input.RecordingId, VerificationItemKind.CodeSuggestion), Retries.Transient);
            await context.CallActivityAsync<CodingSummary>(nameof(CodeTranscriptActivity), input.Ref, Retries.Transient);

            return await RecordingPipelineOrchestrator.VerifyAndFinalizeAsync(context, stages, input.Ref, includeRedactions: false, input.VerificationRecheck);
        }
        catch (TaskFailedException failure)
        {
            return await stages.FailAsync(failure);
        }
    }
}
