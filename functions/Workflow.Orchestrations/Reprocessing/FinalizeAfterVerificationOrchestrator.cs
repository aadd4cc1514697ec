using Microsoft.DurableTask;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Pipeline;

namespace Workflow.Orchestrations.Reprocessing;

/// <summary>
/// Waits for coders to decide a re-run recording's items, then writes its final transcript again. Runs
/// on its own, started by the batch, so a batch never waits for people.
/// </summary>
[DurableTask(nameof(FinalizeAfterVerificationOrchestrator))]
public sealed class FinalizeAfterVerificationOrchestrator : TaskOrchestrator<FinalizeAfterVerificationInput, PipelineOutcome>
{
    public override async Task<PipelineOutcome> RunAsync(TaskOrchestrationContext context, FinalizeAfterVerificationInput input)
    {
        var stages = new StageTracker(context, input.RecordingId);
        try
        {
            return await RecordingPipelineOrchestrator.AwaitThenFinalizeAsync(context, stages, input.Ref, input.Recheck, input.WaitingInstanceId);
        }
        catch (TaskFailedException failure)
        {
            return await stages.FailAsync(failure);
        }
    }
}
