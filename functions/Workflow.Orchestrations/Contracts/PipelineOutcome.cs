using Workflow.Domain.Recordings;

namespace Workflow.Orchestrations.Contracts;

/// <summary>How a recording's orchestration ended.</summary>
public sealed record PipelineOutcome(string RecordingId, RecordingStatus Status, PipelineStage Stage, string? Error);
