namespace Workflow.Cli.Api;

// The client's view of the HTTP API's JSON (camelCase, enums as strings). Kept apart from the
// server's contracts on purpose: the CLI talks to a host over HTTP only, and unknown fields are
// ignored so a newer host does not break an older client.

internal sealed record UploadResult(string RecordingId, string StatusUrl, bool Duplicate, string? Source);

internal sealed record StageProgressView(int Done, int Total);

internal sealed record RecordingSummary(string Id, string Stage, string Status, StageProgressView? Progress, string? Error, string? Source, DateTimeOffset CreatedAt, string StatusUrl);

internal sealed record BatchStarted(string OperationId, string Stage, string StatusUrl, string CancelUrl, bool AlreadyStarted);

internal sealed record BatchCounts(int Total, int Done, int Failed, int Running, int Queued, int WaitingForCoders, int Skipped, int Cancelled, bool CancelRequested);

internal sealed record RerunOutcome(string RecordingId, string Status, string Stage, string? Error, int Pending, int Carried, int Requeued);

internal sealed record SkippedRecording(string RecordingId, string Reason);

internal sealed record BatchStatus(
    string OperationId,
    string RuntimeStatus,
    string Stage,
    BatchCounts Counts,
    IReadOnlyList<RerunOutcome>? Failed,
    IReadOnlyList<RerunOutcome>? Processed,
    IReadOnlyList<SkippedRecording>? Skipped)
{
    /// <summary>The Durable runtime states after which the batch changes no more.</summary>
    public bool HasEnded => RuntimeStatus is "Completed" or "Failed" or "Terminated";
}

/// <summary>The scope and stage of a batch, as <c>POST /api/studies/{id}/reprocess</c> takes them.</summary>
internal sealed record BatchRequest(string Stage, IReadOnlyList<string>? Sites, IReadOnlyList<string>? Recordings, int? ChangedSinceCodebookVersion, string? RequestId);

/// <summary>An error answer from the API: its status and the problem's <c>detail</c>.</summary>
internal sealed class ApiProblemException(int status, string detail) : Exception(detail)
{
    public int Status { get; } = status;
}

internal sealed record UploadGrantView(string GrantId, Uri UploadUrl, Dictionary<string, string> Headers, DateTimeOffset ExpiresAt, string StatusUrl);

internal sealed record UploadGrantStatus(string GrantId, string State, bool FileArrived, string? RecordingId, string? RecordingUrl, bool Duplicate, string? Reason);
