namespace Workflow.Api.Auth;

/// <summary>Who is calling and in which roles.</summary>
public sealed record WorkflowPrincipal(string UserId, IReadOnlySet<string> Roles)
{
    public bool IsInAnyRole(IEnumerable<string> roles) => roles.Any(Roles.Contains);
}
