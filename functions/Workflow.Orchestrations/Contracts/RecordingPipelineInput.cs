using Workflow.Domain.Recordings;

namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// Input of <see cref="Pipeline.RecordingPipelineOrchestrator"/>. A persisted wire contract: add
/// fields with defaults, never rename. <see cref="VerificationRecheck"/> is captured at start so the
/// orchestrator stays deterministic. <see cref="RunId"/> names the batch re-running a stage (null
/// for the first pass): a stage's stored output counts as already done only if the same run made it.
/// <see cref="SchemaVersion"/> 2 plans transcription (one activity or a batch-job monitor); pipelines
/// started as version 1 replay the single transcription activity they recorded. Version 3 makes the
/// de-identified audio after de-identifying; earlier pipelines replay without it.
/// </summary>
public sealed record RecordingPipelineInput(
    string StudyId,
    string RecordingId,
    SourceKind Source,
    string BlobName,
    string FileName,
    TimeSpan VerificationRecheck,
    int SchemaVersion = RecordingPipelineInput.CurrentSchema,
    string? RunId = null)
{
    public const int CurrentSchema = 3;

    /// <summary>The first version whose pipelines make the de-identified audio.</summary>
    public const int AudioRedactionSchema = 3;

    public RecordingRef Ref => new(StudyId, RecordingId);

    /// <summary>True when this pipeline makes a de-identified copy of its audio.</summary>
    public bool RedactsAudio => Source == SourceKind.Audio && SchemaVersion >= AudioRedactionSchema;

    /// <summary>What making the de-identified audio needs to know (audio uploads only).</summary>
    public AudioRedactionInput AudioRedaction => new(StudyId, RecordingId, BlobName);
}
