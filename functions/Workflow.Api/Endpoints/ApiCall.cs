using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Workflow.Api.Auth;

namespace Workflow.Api.Endpoints;

/// <summary>
/// One authorized request as a handler sees it: the HTTP request, the caller (already checked against
/// the endpoint's roles), route values supplied by the host, the Durable client, and for a study's
/// resource the caller's roles in that study.
/// </summary>
public sealed record ApiCall(
    HttpRequest Request,
    WorkflowPrincipal? Principal,
    IReadOnlyDictionary<string, string> RouteValues,
    DurableTaskClient Durable,
    CancellationToken Cancellation)
{
    private static readonly IReadOnlySet<string> NoRoles = new HashSet<string>();

    /// <summary>The caller; only anonymous endpoints run without one.</summary>
    public WorkflowPrincipal Caller => Principal ?? throw new InvalidOperationException("This endpoint is anonymous; it has no caller.");

    /// <summary>The caller's roles in the study the route acts on (empty outside a study, or for an administrator who is not a member).</summary>
    public IReadOnlySet<string> StudyRoles { get; init; } = NoRoles;

    /// <summary>Where the request came from (the caller's address), as the audit trail records it.</summary>
    public string Origin { get; init; } = "unknown";

    /// <summary>True when the caller sees only their own recordings in this study: an interviewer who is neither coder nor lead.</summary>
    public bool SeesOnlyOwnRecordings =>
        StudyRoles.Contains(WorkflowRoles.Interviewer) && !StudyRoles.Contains(WorkflowRoles.Coder) && !StudyRoles.Contains(WorkflowRoles.Lead);

    /// <summary>True when the caller is an administrator.</summary>
    public bool CallerIsAdmin => Principal?.Roles.Contains(WorkflowRoles.Admin) == true;

    /// <summary>A route value the endpoint's template declares.</summary>
    public string Route(string name) =>
        RouteValues.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"The route has no '{name}' value.");
}
