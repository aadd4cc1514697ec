using Workflow.Domain.Recordings;

namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// Input of <see cref="Pipeline.RecordingPipelineOrchestrator"/>. A persisted wire contract: add
/// fields with defaults, never rename. <see cref="VerificationRecheck"/> is captured at start so the
/// orchestrator stays deterministic. <see cref="RunId"/> names the batch re-running a stage (null
/// for the first pass): a stage's stored output counts as already done only if the same run made it.
/// <see cref="SchemaVersion"/> 2 plans transcription (one activity or a batch-job monitor); pipelines
/// started as version 1 replay the single transcription activity they recorded.
/// </summary>
public sealed record RecordingPipelineInput(
    string StudyId,
    string RecordingId,
    SourceKind Source,
    string BlobName,
    string FileName,
    TimeSpan VerificationRecheck,
    int SchemaVersion = 2,
    string? RunId = null)
{
    public RecordingRef Ref => new(StudyId, RecordingId);
}
