using Workflow.Domain.Recordings;

namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// Input of <see cref="Pipeline.RecordingPipelineOrchestrator"/>. A persisted wire contract: add
/// fields with defaults, never rename. <see cref="VerificationRecheck"/> is captured at start so the
/// orchestrator stays deterministic.
/// </summary>
public sealed record RecordingPipelineInput(
    string StudyId,
    string RecordingId,
    SourceKind Source,
    string BlobName,
    string FileName,
    TimeSpan VerificationRecheck,
    int SchemaVersion = 1)
{
    public RecordingRef Ref => new(StudyId, RecordingId);
}
