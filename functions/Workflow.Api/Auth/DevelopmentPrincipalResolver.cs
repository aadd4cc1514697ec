using Microsoft.AspNetCore.Http;

namespace Workflow.Api.Auth;

/// <summary>
/// The local development principal. The headers <c>X-Dev-User</c> and <c>X-Dev-Roles</c> (comma
/// separated) let a developer or a test act as several coders; they are honoured only in this mode.
/// </summary>
public sealed class DevelopmentPrincipalResolver(AuthOptions options) : IPrincipalResolver
{
    public WorkflowPrincipal? Resolve(HttpRequest request)
    {
        var user = request.Headers["X-Dev-User"].ToString();
        var roles = request.Headers["X-Dev-Roles"].ToString();
        return new WorkflowPrincipal(
            string.IsNullOrWhiteSpace(user) ? options.DevelopmentUser : user.Trim(),
            (string.IsNullOrWhiteSpace(roles) ? options.DevelopmentRoles : roles.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                .ToHashSet(StringComparer.OrdinalIgnoreCase));
    }
}
