using Workflow.Domain.Reprocessing;

namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// Input of <see cref="Reprocessing.StudyBatchOrchestrator"/>. A persisted wire contract: add fields
/// with defaults, never rename. Everything that could change while it runs (recheck interval,
/// concurrency) is captured at start so the orchestrator stays deterministic.
/// </summary>
public sealed record BatchInput(
    string BatchId,
    string StudyId,
    ReprocessStage Stage,
    ReprocessScope Scope,
    string RequestedBy,
    TimeSpan VerificationRecheck,
    int MaxParallel);
