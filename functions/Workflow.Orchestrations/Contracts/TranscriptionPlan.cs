namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// How a recording's transcription runs, decided by an activity so the orchestrator never reads
/// configuration: in one activity (an engine on this machine), in chunk activities (<see cref="Chunked"/>:
/// prepare, one per chunk, assemble) or as a batch job watched by a durable monitor, with the monitor's
/// timings. <see cref="AlreadyDone"/>: this run's transcript is stored.
/// A persisted wire contract: add fields with defaults, never rename.
/// </summary>
public sealed record TranscriptionPlan(
    string Engine,
    bool Batch,
    bool AlreadyDone,
    TimeSpan FirstCheck = default,
    TimeSpan LongestInterval = default,
    TimeSpan MaxWait = default,
    bool Chunked = false);
