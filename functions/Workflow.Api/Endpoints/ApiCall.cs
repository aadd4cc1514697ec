using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Workflow.Api.Auth;

namespace Workflow.Api.Endpoints;

/// <summary>
/// One authorized request as a handler sees it: the HTTP request, the caller (already checked against
/// the endpoint's roles), route values supplied by the host, and the Durable client.
/// </summary>
public sealed record ApiCall(
    HttpRequest Request,
    WorkflowPrincipal? Principal,
    IReadOnlyDictionary<string, string> RouteValues,
    DurableTaskClient Durable,
    CancellationToken Cancellation)
{
    /// <summary>The caller; only anonymous endpoints run without one.</summary>
    public WorkflowPrincipal Caller => Principal ?? throw new InvalidOperationException("This endpoint is anonymous; it has no caller.");

    /// <summary>A route value the endpoint's template declares.</summary>
    public string Route(string name) =>
        RouteValues.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"The route has no '{name}' value.");
}
