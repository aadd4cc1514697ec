using Workflow.Domain.Reprocessing;

namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// The result of a batch once its machine work is done (coders may still be verifying). Counts only:
/// per-recording results and skips are in <see cref="Storage.StudyBatchRecords"/>.
/// </summary>
public sealed record BatchOutcome(
    string BatchId,
    string StudyId,
    ReprocessStage Stage,
    int Total,
    int Done,
    int Failed,
    int Skipped,
    int Cancelled,
    bool CancelRequested,
    int Generations);
