using Workflow.Domain.Reprocessing;

namespace Workflow.Orchestrations.Contracts;

/// <summary>The result of a batch once its machine work is done (coders may still be verifying).</summary>
public sealed record BatchOutcome(
    string BatchId,
    string StudyId,
    ReprocessStage Stage,
    IReadOnlyList<RerunOutcome> Processed,
    IReadOnlyList<SkippedRecording> Skipped,
    IReadOnlyList<string> Cancelled,
    bool CancelRequested);
