using Workflow.Domain.Reprocessing;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Api.Contracts;

/// <summary>Response of <c>POST /api/studies/{studyId}/reprocess</c> (and of retry).</summary>
public sealed record ReprocessAcceptedResponse(string OperationId, ReprocessStage Stage, string StatusUrl, string CancelUrl, bool AlreadyStarted);

/// <summary>
/// A batch's state. <see cref="Counts"/> are live: <c>WaitingForCoders</c> counts the batch's
/// recordings whose re-run is done and that still wait for verification now.
/// </summary>
public sealed record ReprocessStatusResponse(
    string OperationId,
    string RuntimeStatus,
    ReprocessStage Stage,
    BatchCounts Counts,
    IReadOnlyList<RerunOutcome> Failed,
    IReadOnlyList<RerunOutcome> Processed,
    IReadOnlyList<SkippedRecording> Skipped,
    BatchOutcome? Outcome,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    string CancelUrl,
    string RetryUrl);

/// <summary>How many of a batch's recordings are where.</summary>
public sealed record BatchCounts(int Total, int Done, int Failed, int Running, int Queued, int WaitingForCoders, int Skipped, int Cancelled, bool CancelRequested);

/// <summary>Response of <c>GET /api/health</c>: overall status and each dependency's.</summary>
public sealed record HealthResponse(string Status, IReadOnlyDictionary<string, string> Parts);
