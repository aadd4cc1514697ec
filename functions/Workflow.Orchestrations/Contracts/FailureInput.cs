using Workflow.Domain.Recordings;

namespace Workflow.Orchestrations.Contracts;

/// <summary>Input of the activity that marks a recording failed with a reason the user can read.</summary>
public sealed record FailureInput(string RecordingId, PipelineStage Stage, string Reason);
