using Microsoft.AspNetCore.Http;
using Workflow.Api.Auth;

namespace Workflow.Api.Tests.Auth;

public class DevelopmentPrincipalResolverTests
{
    private static WorkflowPrincipal Resolve(AuthOptions options, string? user = null, string? roles = null)
    {
        var context = new DefaultHttpContext();
        if (user is not null) context.Request.Headers["X-Dev-User"] = user;
        if (roles is not null) context.Request.Headers["X-Dev-Roles"] = roles;
        var principal = new DevelopmentPrincipalResolver(options).Resolve(context.Request);
        Assert.NotNull(principal);
        return principal;
    }

    [Fact]
    public void Resolve_NoHeaders_GivesTheConfiguredDefaults()
    {
        var principal = Resolve(new AuthOptions());

        Assert.Equal("local-developer", principal.UserId);
        // An administrator, who becomes lead of the studies they create; study roles come from membership.
        Assert.Equal([WorkflowRoles.Admin], principal.Roles);
    }

    [Fact]
    public void Resolve_ConfiguredUserAndRoles_AreUsedWithoutHeaders()
    {
        var principal = Resolve(new AuthOptions { DevelopmentUser = "dev-2", DevelopmentRoles = [WorkflowRoles.Coder] });

        Assert.Equal("dev-2", principal.UserId);
        Assert.Equal([WorkflowRoles.Coder], principal.Roles);
    }

    [Fact]
    public void Resolve_DevHeaders_OverrideUserAndRoles()
    {
        var principal = Resolve(new AuthOptions(), user: "  coder-b ", roles: "Coder, interviewer,,");

        Assert.Equal("coder-b", principal.UserId);
        Assert.Equal(["Coder", "interviewer"], principal.Roles.Order());
        Assert.True(principal.IsInAnyRole([WorkflowRoles.Interviewer]));
        Assert.False(principal.IsInAnyRole([WorkflowRoles.Lead]));
    }

    [Fact]
    public void Resolve_BlankDevHeaders_FallBackToTheDefaults()
    {
        var principal = Resolve(new AuthOptions(), user: " ", roles: "");

        Assert.Equal("local-developer", principal.UserId);
        Assert.Equal([WorkflowRoles.Admin], principal.Roles);
    }
}
