using Workflow.Domain.Recordings;

namespace Workflow.Orchestrations.Contracts;

/// <summary>Input of the activity that records a recording's stage for <c>GET /api/recordings/{id}</c>.</summary>
public sealed record StageUpdate(string RecordingId, PipelineStage Stage, RecordingStatus Status, StageProgress? Progress = null, string? Error = null);
