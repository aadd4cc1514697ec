using Workflow.Domain.Reprocessing;

namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// Input of <see cref="Reprocessing.StudyBatchOrchestrator"/>. A persisted wire contract: add fields
/// with defaults, never rename. Everything that could change while it runs (recheck interval,
/// concurrency) is captured at start so the orchestrator stays deterministic. <see cref="Carry"/> is
/// null for the first generation and carries the counts into each continue-as-new.
/// </summary>
public sealed record BatchInput(
    string BatchId,
    string StudyId,
    ReprocessStage Stage,
    ReprocessScope Scope,
    string RequestedBy,
    TimeSpan VerificationRecheck,
    int MaxParallel,
    int CheckpointEvery = BatchInput.DefaultCheckpoint,
    BatchCarry? Carry = null)
{
    /// <summary>Recordings per generation: keeps each generation's history to a few hundred events.</summary>
    public const int DefaultCheckpoint = 50;
}

/// <summary>Where a batch stands between generations: counts only, the lists are in storage.
/// <see cref="Busy"/> recordings were skipped only because they were running; <see cref="BusyRounds"/> counts the looks again.
/// <see cref="StartedAt"/> is the first generation's start (null for batches started before it was kept).</summary>
public sealed record BatchCarry(int Offset, int Total, int Skipped, int Done, int Failed, int Generation, int Busy = 0, int BusyRounds = 0, DateTime? StartedAt = null);
