using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Deletion;
using Workflow.Storage;

namespace Workflow.Functions.Durable;

/// <summary>One-line wrappers that host the shared activity classes as Functions, resolved from DI per call.</summary>
public static class ActivityFunctions
{
    private static Task<TOut> Run<TActivity, TIn, TOut>(FunctionContext f, TIn input) where TActivity : TaskActivity<TIn, TOut> =>
        ActivatorUtilities.CreateInstance<TActivity>(f.InstanceServices).RunAsync(FunctionsActivityContext.From(f), input);

    [Function(nameof(UpdateRecordingStageActivity))]
    public static Task<bool> UpdateRecordingStage([ActivityTrigger] StageUpdate input, FunctionContext f) => Run<UpdateRecordingStageActivity, StageUpdate, bool>(f, input);

    [Function(nameof(MarkRecordingFailedActivity))]
    public static Task<bool> MarkRecordingFailed([ActivityTrigger] FailureInput input, FunctionContext f) => Run<MarkRecordingFailedActivity, FailureInput, bool>(f, input);

    [Function(nameof(IngestRecordingActivity))]
    public static Task<IngestResult> IngestRecording([ActivityTrigger] RecordingPipelineInput input, FunctionContext f) => Run<IngestRecordingActivity, RecordingPipelineInput, IngestResult>(f, input);

    [Function(nameof(TranscribeRecordingActivity))]
    public static Task<TranscriptionSummary> TranscribeRecording([ActivityTrigger] RecordingPipelineInput input, FunctionContext f) => Run<TranscribeRecordingActivity, RecordingPipelineInput, TranscriptionSummary>(f, input);

    [Function(nameof(PlanTranscriptionActivity))]
    public static Task<TranscriptionPlan> PlanTranscription([ActivityTrigger] RecordingPipelineInput input, FunctionContext f) => Run<PlanTranscriptionActivity, RecordingPipelineInput, TranscriptionPlan>(f, input);

    [Function(nameof(PrepareTranscriptionChunksActivity))]
    public static Task<int> PrepareTranscriptionChunks([ActivityTrigger] RecordingPipelineInput input, FunctionContext f) => Run<PrepareTranscriptionChunksActivity, RecordingPipelineInput, int>(f, input);

    [Function(nameof(TranscribeChunkActivity))]
    public static Task<int> TranscribeChunk([ActivityTrigger] TranscriptionChunkInput input, FunctionContext f) => Run<TranscribeChunkActivity, TranscriptionChunkInput, int>(f, input);

    [Function(nameof(AssembleTranscriptActivity))]
    public static Task<TranscriptionSummary> AssembleTranscript([ActivityTrigger] RecordingPipelineInput input, FunctionContext f) => Run<AssembleTranscriptActivity, RecordingPipelineInput, TranscriptionSummary>(f, input);

    [Function(nameof(SubmitTranscriptionJobActivity))]
    public static Task<SubmitOutcome> SubmitTranscriptionJob([ActivityTrigger] RecordingPipelineInput input, FunctionContext f) => Run<SubmitTranscriptionJobActivity, RecordingPipelineInput, SubmitOutcome>(f, input);

    [Function(nameof(CheckTranscriptionJobActivity))]
    public static Task<JobCheck> CheckTranscriptionJob([ActivityTrigger] TranscriptionJobRef input, FunctionContext f) => Run<CheckTranscriptionJobActivity, TranscriptionJobRef, JobCheck>(f, input);

    [Function(nameof(StoreTranscriptionResultActivity))]
    public static Task<TranscriptionSummary> StoreTranscriptionResult([ActivityTrigger] TranscriptionJobRef input, FunctionContext f) => Run<StoreTranscriptionResultActivity, TranscriptionJobRef, TranscriptionSummary>(f, input);

    [Function(nameof(DeleteTranscriptionJobActivity))]
    public static Task<bool> DeleteTranscriptionJob([ActivityTrigger] TranscriptionJobRef input, FunctionContext f) => Run<DeleteTranscriptionJobActivity, TranscriptionJobRef, bool>(f, input);

    [Function(nameof(DeidentifyTranscriptActivity))]
    public static Task<DeidentificationSummary> DeidentifyTranscript([ActivityTrigger] RecordingRef input, FunctionContext f) => Run<DeidentifyTranscriptActivity, RecordingRef, DeidentificationSummary>(f, input);

    [Function(nameof(RedactAudioActivity))]
    public static Task<AudioRedactionSummary> RedactAudio([ActivityTrigger] AudioRedactionInput input, FunctionContext f) => Run<RedactAudioActivity, AudioRedactionInput, AudioRedactionSummary>(f, input);

    [Function(nameof(CodeTranscriptActivity))]
    public static Task<CodingSummary> CodeTranscript([ActivityTrigger] RecordingRef input, FunctionContext f) => Run<CodeTranscriptActivity, RecordingRef, CodingSummary>(f, input);

    [Function(nameof(EnqueueVerificationActivity))]
    public static Task<VerificationProgress> EnqueueVerification([ActivityTrigger] EnqueueVerificationInput input, FunctionContext f) => Run<EnqueueVerificationActivity, EnqueueVerificationInput, VerificationProgress>(f, input);

    [Function(nameof(GetVerificationProgressActivity))]
    public static Task<VerificationProgress> GetVerificationProgress([ActivityTrigger] RecordingRef input, FunctionContext f) => Run<GetVerificationProgressActivity, RecordingRef, VerificationProgress>(f, input);

    [Function(nameof(SupersedePendingItemsActivity))]
    public static Task<int> SupersedePendingItems([ActivityTrigger] SupersedeInput input, FunctionContext f) => Run<SupersedePendingItemsActivity, SupersedeInput, int>(f, input);

    [Function(nameof(FinalizeRecordingActivity))]
    public static Task<FinalizeSummary> FinalizeRecording([ActivityTrigger] RecordingRef input, FunctionContext f) => Run<FinalizeRecordingActivity, RecordingRef, FinalizeSummary>(f, input);

    [Function(nameof(PlanReprocessActivity))]
    public static Task<ReprocessPlan> PlanReprocess([ActivityTrigger] ReprocessInput input, FunctionContext f) => Run<PlanReprocessActivity, ReprocessInput, ReprocessPlan>(f, input);

    [Function(nameof(PlanBatchActivity))]
    public static Task<BatchPlanSummary> PlanBatch([ActivityTrigger] BatchInput input, FunctionContext f) => Run<PlanBatchActivity, BatchInput, BatchPlanSummary>(f, input);

    [Function(nameof(TakeBatchTargetsActivity))]
    public static Task<IReadOnlyList<RerunTarget>> TakeBatchTargets([ActivityTrigger] BatchSliceInput input, FunctionContext f) => Run<TakeBatchTargetsActivity, BatchSliceInput, IReadOnlyList<RerunTarget>>(f, input);

    [Function(nameof(RecordBatchResultActivity))]
    public static Task<bool> RecordBatchResult([ActivityTrigger] BatchResultInput input, FunctionContext f) => Run<RecordBatchResultActivity, BatchResultInput, bool>(f, input);

    [Function(nameof(ReconcileVerificationActivity))]
    public static Task<ReconcileSummary> ReconcileVerification([ActivityTrigger] ReconcileVerificationInput input, FunctionContext f) => Run<ReconcileVerificationActivity, ReconcileVerificationInput, ReconcileSummary>(f, input);

    [Function(nameof(RecheckBusyActivity))]
    public static Task<BusyRecheckSummary> RecheckBusy([ActivityTrigger] BusyRecheckInput input, FunctionContext f) => Run<RecheckBusyActivity, BusyRecheckInput, BusyRecheckSummary>(f, input);

    [Function(nameof(ReleaseBatchLockActivity))]
    public static Task<bool> ReleaseBatchLock([ActivityTrigger] BatchLockInput input, FunctionContext f) => Run<ReleaseBatchLockActivity, BatchLockInput, bool>(f, input);

    // The Functions app has no Durable client in DI: the binding's client is handed to the activity.
    [Function(nameof(StartVerificationWaitActivity))]
    public static Task<bool> StartVerificationWait([ActivityTrigger] StartOrchestrationInput input, [DurableClient] DurableTaskClient client, FunctionContext f) =>
        ActivatorUtilities.CreateInstance<StartVerificationWaitActivity>(f.InstanceServices, new DurableClientOrchestrationStarter(client))
            .RunAsync(FunctionsActivityContext.From(f), input);

    [Function(nameof(StartPendingBatchActivity))]
    public static Task<string?> StartPendingBatch([ActivityTrigger] string studyId, [DurableClient] DurableTaskClient client, FunctionContext f) =>
        ActivatorUtilities.CreateInstance<StartPendingBatchActivity>(f.InstanceServices, new DurableClientOrchestrationStarter(client))
            .RunAsync(FunctionsActivityContext.From(f), studyId);

    [Function(nameof(StopRecordingWorkActivity))]
    public static Task<int> StopRecordingWork([ActivityTrigger] RecordingTarget input, [DurableClient] DurableTaskClient client, FunctionContext f) =>
        new StopRecordingWorkActivity(new DurableRecordingInstances(client)).RunAsync(FunctionsActivityContext.From(f), input);

    [Function(nameof(EraseRecordingActivity))]
    public static Task<ErasureReport> EraseRecording([ActivityTrigger] RecordingTarget input, FunctionContext f) => Run<EraseRecordingActivity, RecordingTarget, ErasureReport>(f, input);

    [Function(nameof(PurgeRecordingHistoryActivity))]
    public static Task<int> PurgeRecordingHistory([ActivityTrigger] RecordingTarget input, [DurableClient] DurableTaskClient client, FunctionContext f) =>
        new PurgeRecordingHistoryActivity(new DurableRecordingInstances(client)).RunAsync(FunctionsActivityContext.From(f), input);

    [Function(nameof(CompleteRecordingDeletionActivity))]
    public static Task<bool> CompleteRecordingDeletion([ActivityTrigger] DeletionOutcome input, FunctionContext f) => Run<CompleteRecordingDeletionActivity, DeletionOutcome, bool>(f, input);
}
