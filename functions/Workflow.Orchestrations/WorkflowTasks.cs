using Microsoft.DurableTask;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Deletion;
using Workflow.Orchestrations.Pipeline;
using Workflow.Orchestrations.Reprocessing;
using Workflow.Orchestrations.Verification;

namespace Workflow.Orchestrations;

/// <summary>
/// Every orchestrator and activity of the workflow, in one list. The local runner registers these;
/// the Functions app has one wrapper per entry, and a test checks the two agree.
/// </summary>
public static class WorkflowTasks
{
    public static readonly Type[] Orchestrators =
    [
        typeof(RecordingPipelineOrchestrator),
        typeof(AwaitVerificationOrchestrator),
        typeof(ReprocessStudyOrchestrator),
        typeof(RecodeRecordingOrchestrator),
        typeof(StudyBatchOrchestrator),
        typeof(RerunRecordingOrchestrator),
        typeof(FinalizeAfterVerificationOrchestrator),
        typeof(CloudTranscriptionOrchestrator),
        typeof(RecordingDeletionOrchestrator),
    ];

    public static readonly Type[] Activities =
    [
        typeof(UpdateRecordingStageActivity),
        typeof(MarkRecordingFailedActivity),
        typeof(IngestRecordingActivity),
        typeof(TranscribeRecordingActivity),
        typeof(DeidentifyTranscriptActivity),
        typeof(RedactAudioActivity),
        typeof(CodeTranscriptActivity),
        typeof(EnqueueVerificationActivity),
        typeof(GetVerificationProgressActivity),
        typeof(SupersedePendingItemsActivity),
        typeof(FinalizeRecordingActivity),
        typeof(PlanReprocessActivity),
        typeof(PlanBatchActivity),
        typeof(ReconcileVerificationActivity),
        typeof(StartVerificationWaitActivity),
        typeof(StartPendingBatchActivity),
        typeof(RecheckBusyActivity),
        typeof(ReleaseBatchLockActivity),
        typeof(TakeBatchTargetsActivity),
        typeof(RecordBatchResultActivity),
        typeof(PlanTranscriptionActivity),
        typeof(PrepareTranscriptionChunksActivity),
        typeof(TranscribeChunkActivity),
        typeof(AssembleTranscriptActivity),
        typeof(SubmitTranscriptionJobActivity),
        typeof(CheckTranscriptionJobActivity),
        typeof(StoreTranscriptionResultActivity),
        typeof(DeleteTranscriptionJobActivity),
        typeof(StopRecordingWorkActivity),
        typeof(EraseRecordingActivity),
        typeof(PurgeRecordingHistoryActivity),
        typeof(CompleteRecordingDeletionActivity),
    ];

    /// <summary>Registers all tasks by their class names (which are also their durable names).</summary>
    public static DurableTaskRegistry AddWorkflowTasks(this DurableTaskRegistry registry)
    {
        foreach (var type in Orchestrators) registry.AddOrchestrator(type);
        foreach (var type in Activities) registry.AddActivity(type);
        return registry;
    }
}
