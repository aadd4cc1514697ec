using Workflow.Orchestrations.Contracts;

namespace Workflow.Api.Contracts;

/// <summary>Response of <c>POST /api/studies/{studyId}/reprocess</c>.</summary>
public sealed record ReprocessAcceptedResponse(string OperationId, ReprocessOperation Operation, string StatusUrl);

/// <summary>A batch operation's state and, once finished, its outcome.</summary>
public sealed record ReprocessStatusResponse(
    string OperationId,
    string RuntimeStatus,
    string? Progress,
    ReprocessOutcome? Outcome,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt);

/// <summary>Response of <c>GET /api/health</c>: overall status and each dependency's.</summary>
public sealed record HealthResponse(string Status, IReadOnlyDictionary<string, string> Parts);
