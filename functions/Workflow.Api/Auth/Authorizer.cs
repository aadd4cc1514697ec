using Microsoft.AspNetCore.Http;

namespace Workflow.Api.Auth;

/// <summary>
/// The one authorization seam every endpoint passes through: resolves the caller and checks the
/// roles the endpoint requires. Per-study membership will plug in here.
/// </summary>
public sealed class Authorizer(IPrincipalResolver resolver)
{
    /// <summary>The caller when they hold one of <paramref name="roles"/>; otherwise a 401/403 problem to return.</summary>
    public (WorkflowPrincipal? Principal, IResult? Denied) Require(HttpRequest request, params string[] roles)
    {
        var principal = resolver.Resolve(request);
        if (principal is null) return (null, Problems.Unauthorized("Sign in to use this API."));
        if (!principal.IsInAnyRole(roles))
            return (null, Problems.Forbidden($"This needs one of the roles: {string.Join(", ", roles)}."));
        return (principal, null);
    }
}
