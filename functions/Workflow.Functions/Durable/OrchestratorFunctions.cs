using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Deletion;
using Workflow.Orchestrations.Pipeline;
using Workflow.Orchestrations.Reprocessing;
using Workflow.Orchestrations.Verification;

namespace Workflow.Functions.Durable;

/// <summary>One-line wrappers that host the shared orchestrator classes as Functions.</summary>
public static class OrchestratorFunctions
{
    [Function(nameof(RecordingPipelineOrchestrator))]
    public static Task<PipelineOutcome> RecordingPipeline([OrchestrationTrigger] TaskOrchestrationContext c) =>
        new RecordingPipelineOrchestrator().RunAsync(c, c.GetInput<RecordingPipelineInput>()!);

    [Function(nameof(AwaitVerificationOrchestrator))]
    public static Task<VerificationProgress> AwaitVerification([OrchestrationTrigger] TaskOrchestrationContext c) =>
        new AwaitVerificationOrchestrator().RunAsync(c, c.GetInput<AwaitVerificationInput>()!);

    [Function(nameof(ReprocessStudyOrchestrator))]
    public static Task<ReprocessOutcome> ReprocessStudy([OrchestrationTrigger] TaskOrchestrationContext c) =>
        new ReprocessStudyOrchestrator().RunAsync(c, c.GetInput<ReprocessInput>()!);

    [Function(nameof(RecodeRecordingOrchestrator))]
    public static Task<PipelineOutcome> RecodeRecording([OrchestrationTrigger] TaskOrchestrationContext c) =>
        new RecodeRecordingOrchestrator().RunAsync(c, c.GetInput<RecodeInput>()!);

    [Function(nameof(StudyBatchOrchestrator))]
    public static Task<BatchOutcome> StudyBatch([OrchestrationTrigger] TaskOrchestrationContext c) =>
        new StudyBatchOrchestrator().RunAsync(c, c.GetInput<BatchInput>()!);

    [Function(nameof(RerunRecordingOrchestrator))]
    public static Task<RerunOutcome> RerunRecording([OrchestrationTrigger] TaskOrchestrationContext c) =>
        new RerunRecordingOrchestrator().RunAsync(c, c.GetInput<RerunInput>()!);

    [Function(nameof(FinalizeAfterVerificationOrchestrator))]
    public static Task<PipelineOutcome> FinalizeAfterVerification([OrchestrationTrigger] TaskOrchestrationContext c) =>
        new FinalizeAfterVerificationOrchestrator().RunAsync(c, c.GetInput<FinalizeAfterVerificationInput>()!);

    [Function(nameof(CloudTranscriptionOrchestrator))]
    public static Task<TranscriptionSummary> CloudTranscription([OrchestrationTrigger] TaskOrchestrationContext c) =>
        new CloudTranscriptionOrchestrator().RunAsync(c, c.GetInput<CloudTranscriptionInput>()!);

    [Function(nameof(RecordingDeletionOrchestrator))]
    public static Task<DeletionOutcome> RecordingDeletion([OrchestrationTrigger] TaskOrchestrationContext c) =>
        new RecordingDeletionOrchestrator().RunAsync(c, c.GetInput<RecordingDeletionInput>()!);
}
