using Workflow.Domain.Recordings;

namespace Workflow.Orchestrations.Contracts;

/// <summary>The orchestration's custom status: the stage it is in and, where it applies, progress within it.</summary>
public sealed record PipelineStatus(PipelineStage Stage, RecordingStatus Status, StageProgress? Progress = null, string? Error = null);
