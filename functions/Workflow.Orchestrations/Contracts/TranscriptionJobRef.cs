namespace Workflow.Orchestrations.Contracts;

/// <summary>A recording's batch transcription job on the service: ids only (the service's job id is opaque).</summary>
public sealed record TranscriptionJobRef(string StudyId, string RecordingId, string JobId, string? RunId);

/// <summary>
/// What a submit achieved: the job id, or none because the service was busy and asks to be tried
/// again after <see cref="RetryAfter"/> (the monitor waits on a durable timer, not in the activity).
/// </summary>
public sealed record SubmitOutcome(string? JobId, TimeSpan? RetryAfter = null);

/// <summary>
/// A check of the job: its state, the service's reason when it failed, and when to look again.
/// <see cref="Busy"/>: the service throttled or failed briefly, so the state is unknown this time.
/// </summary>
public sealed record JobCheck(Domain.Ports.BatchJobState State, string? Error = null, TimeSpan? RetryAfter = null, bool Busy = false);
