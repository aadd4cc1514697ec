using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Workflow.Api.Auth;
using Workflow.Domain.Studies;

namespace Workflow.Api.Endpoints;

/// <summary>
/// Runs an endpoint of the table for either host: resolves the caller, then, before any handler code
/// runs, applies the endpoint's roles: 401 without a principal; for a study's resource, the caller's
/// roles in that study (404 for a non-member, exactly as for a resource that does not exist; 403 for
/// a member without the role); elsewhere the identity's roles. A route cannot forget its
/// authorization because handlers never do it themselves.
/// </summary>
public sealed class ApiDispatcher(IPrincipalResolver principals, IStudyMembershipSource membership, IServiceProvider services)
{
    private readonly Dictionary<string, ApiEndpoint> _byName = ApiEndpointTable.All.ToDictionary(e => e.Name);

    public async Task<IResult> InvokeAsync(string endpointName, HttpRequest request, IReadOnlyDictionary<string, string> routeValues, DurableTaskClient durable, CancellationToken ct)
    {
        var endpoint = _byName[endpointName];
        try
        {
            var call = new ApiCall(request, null, routeValues, durable, ct);
            if (!endpoint.Anonymous)
            {
                var principal = principals.Resolve(request);
                if (principal is null) return Problems.Unauthorized("Sign in to use this API.");
                var (studyRoles, refusal) = await AuthorizeAsync(endpoint, principal, routeValues, ct);
                if (refusal is not null) return refusal;
                call = call with { Principal = principal, StudyRoles = studyRoles, Origin = principals.OriginOf(request) };
            }
            return await endpoint.Handler(services, call);
        }
        catch (Exception e) when (IsStorageOutage(e) && !ct.IsCancellationRequested)
        {
            // Nothing half-written is reported as done: the caller is told to retry.
            request.HttpContext.Response.Headers.RetryAfter = "10";
            return Problems.Unavailable("Storage is not answering; nothing of this request was lost that had been accepted before. Try again shortly.");
        }
    }

    private async Task<(IReadOnlySet<string> StudyRoles, IResult? Refusal)> AuthorizeAsync(
        ApiEndpoint endpoint, WorkflowPrincipal principal, IReadOnlyDictionary<string, string> routeValues, CancellationToken ct)
    {
        var none = new HashSet<string>();
        var isAdmin = principal.Roles.Contains(WorkflowRoles.Admin);
        if (endpoint.Scope == StudyScope.None)
        {
            if (endpoint.Access == ApiAccess.SignedIn || principal.IsInAnyRole(endpoint.Roles)) return (none, null);
            return (none, Problems.Forbidden($"This needs one of the roles: {string.Join(", ", endpoint.Roles)}."));
        }

        var (kind, id) = endpoint.Scope switch
        {
            StudyScope.Study => ("study", routeValues.GetValueOrDefault("studyId") ?? ""),
            StudyScope.Recording => ("recording", routeValues.GetValueOrDefault("recordingId") ?? ""),
            _ => ("queue item", routeValues.GetValueOrDefault("itemId") ?? ""),
        };
        var studyId = endpoint.Scope switch
        {
            StudyScope.Study => id,
            StudyScope.Recording => await membership.StudyOfRecordingAsync(id, ct),
            _ => membership.StudyOfQueueItem(id),
        };
        var member = string.IsNullOrEmpty(studyId) ? null : await membership.MemberAsync(studyId, principal.UserId, ct);
        var adminAllowed = endpoint.Roles.Contains(WorkflowRoles.Admin);
        var outcome = StudyAccess.Decide(endpoint.Roles, adminAllowed, isAdmin, member);
        // An administrator knows which studies exist, so is refused plainly, but only for one that does.
        if (outcome == StudyAccessOutcome.Forbidden && member is null && (string.IsNullOrEmpty(studyId) || !await membership.StudyExistsAsync(studyId, ct)))
            outcome = StudyAccessOutcome.Hidden;
        return outcome switch
        {
            StudyAccessOutcome.Allowed => (member?.Roles.ToHashSet(StringComparer.OrdinalIgnoreCase) ?? none, null),
            // The same answer a missing resource gets, so a non-member cannot tell studies exist.
            StudyAccessOutcome.Hidden => (none, Problems.NotFound($"There is no {kind} '{id}'.")),
            _ => (none, Problems.Forbidden($"This needs one of the roles {string.Join(", ", endpoint.Roles)} in the study.")),
        };
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
