namespace Workflow.Orchestrations.Contracts;

/// <summary>Per-recording result of a batch, and which recordings were left alone and why.</summary>
public sealed record ReprocessOutcome(string StudyId, IReadOnlyList<PipelineOutcome> Processed, IReadOnlyList<SkippedRecording> Skipped);

/// <summary>A recording a batch did not touch.</summary>
/// <summary>A recording a batch did not touch; <see cref="Busy"/> when only because it was running then.</summary>
public sealed record SkippedRecording(string RecordingId, string Reason, bool Busy = false);
