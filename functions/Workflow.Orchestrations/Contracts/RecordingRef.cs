namespace Workflow.Orchestrations.Contracts;

/// <summary>Identifies a recording in activity inputs. Orchestration payloads carry ids only, never transcript text.</summary>
public sealed record RecordingRef(string StudyId, string RecordingId);
