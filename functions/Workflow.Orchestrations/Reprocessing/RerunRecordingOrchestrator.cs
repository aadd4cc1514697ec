using Microsoft.DurableTask;
using Workflow.Domain.Recordings;
using Workflow.Domain.Reprocessing;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Pipeline;

namespace Workflow.Orchestrations.Reprocessing;

/// <summary>
/// The machine part of re-running one recording from a stage: the stage and every later one, then
/// the queue brought up to date keeping human decisions, then a finaliser started that waits for
/// coders. Returns as soon as the machine work is done.
/// </summary>
[DurableTask(nameof(RerunRecordingOrchestrator))]
public sealed class RerunRecordingOrchestrator : TaskOrchestrator<RerunInput, RerunOutcome>
{
    public override async Task<RerunOutcome> RunAsync(TaskOrchestrationContext context, RerunInput input)
    {
        var recordingId = input.Target.RecordingId;
        var stages = new StageTracker(context, recordingId);
        try
        {
            if (input.Stage == ReprocessStage.Transcription)
            {
                await stages.EnterAsync(PipelineStage.Transcribing);
                await TranscriptionStep.RunAsync(context, input.AsPipelineInput(), stages);
            }
            if (input.Stage <= ReprocessStage.Deidentification)
            {
                await stages.EnterAsync(PipelineStage.Deidentifying);
                await context.CallActivityAsync<DeidentificationSummary>(nameof(DeidentifyTranscriptActivity), input.Ref, Retries.Transient);
                if (input.AsPipelineInput() is { RedactsAudio: true } pipeline)
                    await context.CallActivityAsync<AudioRedactionSummary>(nameof(RedactAudioActivity), pipeline.AudioRedaction, Retries.Transient);
            }
            await stages.EnterAsync(PipelineStage.Coding);
            await context.CallActivityAsync<CodingSummary>(nameof(CodeTranscriptActivity), input.Ref, Retries.Transient);

            var queue = await context.CallActivityAsync<ReconcileSummary>(nameof(ReconcileVerificationActivity),
                new ReconcileVerificationInput(input.StudyId, recordingId, input.Stage, input.WaitingInstanceId), Retries.Transient);
            await stages.EnterAsync(PipelineStage.AwaitingVerification, RecordingStatus.WaitingForVerification, new StageProgress(queue.Decided, queue.Total));
            await context.CallActivityAsync<bool>(nameof(StartVerificationWaitActivity), new StartOrchestrationInput(
                nameof(FinalizeAfterVerificationOrchestrator), input.FinalizerInstanceId,
                new FinalizeAfterVerificationInput(input.StudyId, recordingId, input.VerificationRecheck, input.WaitingInstanceId)), Retries.Transient);
            return await RecordAsync(context, input, new RerunOutcome(recordingId, RecordingStatus.WaitingForVerification, PipelineStage.AwaitingVerification, null,
                queue.Total - queue.Decided, queue.Carried, queue.Requeued));
        }
        catch (TaskFailedException failure)
        {
            var failed = await stages.FailAsync(failure);
            return await RecordAsync(context, input, new RerunOutcome(recordingId, failed.Status, failed.Stage, failed.Error));
        }
    }

    /// <summary>The batch's record of this recording, which its status and retry read.</summary>
    private static async Task<RerunOutcome> RecordAsync(TaskOrchestrationContext context, RerunInput input, RerunOutcome outcome)
    {
        await context.CallActivityAsync<bool>(nameof(RecordBatchResultActivity), new BatchResultInput(input.BatchId, outcome), Retries.Transient);
        return outcome;
    }
}
