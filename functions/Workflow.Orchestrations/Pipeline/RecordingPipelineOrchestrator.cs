using Microsoft.DurableTask;
using Workflow.Domain.Recordings;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Verification;

namespace Workflow.Orchestrations.Pipeline;

/// <summary>
/// Takes one recording through ingest, transcription (audio only), de-identification (of the audio too), first-pass
/// coding and human verification to a final transcript. The instance id is the recording id, so a
/// recording can have only one pipeline. The orchestrator only decides; activities do the work.
/// </summary>
[DurableTask(nameof(RecordingPipelineOrchestrator))]
public sealed class RecordingPipelineOrchestrator : TaskOrchestrator<RecordingPipelineInput, PipelineOutcome>
{
    public override async Task<PipelineOutcome> RunAsync(TaskOrchestrationContext context, RecordingPipelineInput input)
    {
        var stages = new StageTracker(context, input.RecordingId);
        try
        {
            await stages.EnterAsync(PipelineStage.Ingesting);
            await context.CallActivityAsync<IngestResult>(nameof(IngestRecordingActivity), input, Retries.Transient);

            if (input.Source == SourceKind.Audio)
            {
                await stages.EnterAsync(PipelineStage.Transcribing);
                await TranscriptionStep.RunAsync(context, input, stages);
            }

            await stages.EnterAsync(PipelineStage.Deidentifying);
            await context.CallActivityAsync<DeidentificationSummary>(nameof(DeidentifyTranscriptActivity), input.Ref, Retries.Transient);
            if (input.RedactsAudio)
                await context.CallActivityAsync<AudioRedactionSummary>(nameof(RedactAudioActivity), input.AudioRedaction, Retries.Transient);

            await stages.EnterAsync(PipelineStage.Coding);
            await context.CallActivityAsync<CodingSummary>(nameof(CodeTranscriptActivity), input.Ref, Retries.Transient);

            return await VerifyAndFinalizeAsync(context, stages, input.Ref, includeRedactions: true, input.VerificationRecheck);
        }
        catch (TaskFailedException failure)
        {
            return await stages.FailAsync(failure);
        }
    }

    /// <summary>
    /// Queues the recording's items, waits in a sub-orchestration until every one is decided, and
    /// writes the final transcript. Shared with re-coding so both passes end the same way.
    /// </summary>
    internal static async Task<PipelineOutcome> VerifyAndFinalizeAsync(TaskOrchestrationContext context, StageTracker stages, RecordingRef recording, bool includeRedactions, TimeSpan recheck)
    {
        var waitingInstance = context.InstanceId + ":verify";
        // Items first, then the status: "waiting for verification" must mean the queue holds them.
        var queued = await context.CallActivityAsync<VerificationProgress>(nameof(EnqueueVerificationActivity),
            new EnqueueVerificationInput(recording.StudyId, recording.RecordingId, includeRedactions, waitingInstance), Retries.Transient);
        // Progress as queued; while waiting, the sub-orchestration's status and the recording's row carry it.
        await stages.EnterAsync(PipelineStage.AwaitingVerification, RecordingStatus.WaitingForVerification, new StageProgress(queued.Decided, queued.Total));
        return await AwaitThenFinalizeAsync(context, stages, recording, recheck, waitingInstance);
    }

    /// <summary>
    /// Waits in a sub-orchestration until every queued item of the recording is decided, then writes
    /// the final transcript. Shared with the finaliser a batch starts for each re-run recording.
    /// </summary>
    internal static async Task<PipelineOutcome> AwaitThenFinalizeAsync(TaskOrchestrationContext context, StageTracker stages, RecordingRef recording, TimeSpan recheck, string waitingInstance)
    {
        await context.CallSubOrchestratorAsync<VerificationProgress>(nameof(AwaitVerificationOrchestrator),
            new AwaitVerificationInput(recording.StudyId, recording.RecordingId, recheck),
            new SubOrchestrationOptions { InstanceId = waitingInstance });

        await stages.EnterAsync(PipelineStage.Finalizing);
        await context.CallActivityAsync<FinalizeSummary>(nameof(FinalizeRecordingActivity), recording, Retries.Transient);
        await stages.EnterAsync(PipelineStage.Completed, RecordingStatus.Completed);
        return new PipelineOutcome(recording.RecordingId, RecordingStatus.Completed, PipelineStage.Completed, null);
    }
}
