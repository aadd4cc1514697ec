using Microsoft.AspNetCore.Http;

namespace Workflow.Api.Auth;

/// <summary>Turns a request into a principal, or null when the caller is not signed in.</summary>
public interface IPrincipalResolver
{
    WorkflowPrincipal? Resolve(HttpRequest request);

    /// <summary>
    /// Where the request came from, for the audit trail: by default the connection's address. Only a
    /// resolver that trusts a front end (App Service) may read a forwarded address instead, since
    /// anyone can send a forwarding header.
    /// </summary>
    string OriginOf(HttpRequest request) => request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
