using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Workflow.Api.Auth;

namespace Workflow.Api.Endpoints;

/// <summary>
/// Runs an endpoint of the table for either host: resolves the caller, applies the endpoint's roles
/// (401 without a principal, 403 without a role) before any handler code runs, then calls the handler.
/// A route cannot forget its authorization because handlers never do it themselves.
/// </summary>
public sealed class ApiDispatcher(IPrincipalResolver principals, IServiceProvider services)
{
    private readonly Dictionary<string, ApiEndpoint> _byName = ApiEndpointTable.All.ToDictionary(e => e.Name);

    public async Task<IResult> InvokeAsync(string endpointName, HttpRequest request, IReadOnlyDictionary<string, string> routeValues, DurableTaskClient durable, CancellationToken ct)
    {
        var endpoint = _byName[endpointName];
        WorkflowPrincipal? principal = null;
        if (!endpoint.Anonymous)
        {
            principal = principals.Resolve(request);
            if (principal is null) return Problems.Unauthorized("Sign in to use this API.");
            if (!principal.IsInAnyRole(endpoint.Roles))
                return Problems.Forbidden($"This needs one of the roles: {string.Join(", ", endpoint.Roles)}.");
        }
        try
        {
            return await endpoint.Handler(services, new ApiCall(request, principal, routeValues, durable, ct));
        }
        catch (Exception e) when (IsStorageOutage(e) && !ct.IsCancellationRequested)
        {
            // Nothing half-written is reported as done: the caller is told to retry.
            request.HttpContext.Response.Headers.RetryAfter = "10";
            return Problems.Unavailable("Storage is not answering; nothing of this request was lost that had been accepted before. Try again shortly.");
        }
    }

    /// <summary>Storage down or unreachable (not a refusal such as 404 or 409, which handlers turn into answers).</summary>
    private static bool IsStorageOutage(Exception e) => e switch
    {
        Azure.RequestFailedException r => r.Status is 0 or 408 or >= 500,
        HttpRequestException or TimeoutException => true,
        AggregateException a => a.InnerExceptions.All(IsStorageOutage),
        _ => false,
    };
}
