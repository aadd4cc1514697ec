using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Auth;

namespace Workflow.Api.Tests.Auth;

public class AuthorizerTests
{
    private sealed class FixedResolver(WorkflowPrincipal? principal) : IPrincipalResolver
    {
        public WorkflowPrincipal? Resolve(HttpRequest request) => principal;
    }

    private static readonly HttpRequest Request = new DefaultHttpContext().Request;

    private static WorkflowPrincipal Caller(params string[] roles) =>
        new("user-1", roles.ToHashSet(StringComparer.OrdinalIgnoreCase));

    private static async Task<(int Status, string? ContentType, JsonElement Body)> ExecuteAsync(IResult result)
    {
        using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        using var body = new MemoryStream();
        context.Response.Body = body;

        await result.ExecuteAsync(context);

        using var json = JsonDocument.Parse(body.ToArray());
        return (context.Response.StatusCode, context.Response.ContentType, json.RootElement.Clone());
    }

    [Fact]
    public async Task Require_NoPrincipal_Returns401Problem()
    {
        var (principal, denied) = new Authorizer(new FixedResolver(null)).Require(Request, WorkflowRoles.Coder);

        Assert.Null(principal);
        var (status, contentType, body) = await ExecuteAsync(denied!);
        Assert.Equal(StatusCodes.Status401Unauthorized, status);
        Assert.StartsWith("application/problem+json", contentType);
        Assert.Equal(401, body.GetProperty("status").GetInt32());
        Assert.Equal("Sign in to use this API.", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Require_RoleMissing_Returns403ProblemNamingTheRoles()
    {
        var (principal, denied) = new Authorizer(new FixedResolver(Caller(WorkflowRoles.Interviewer)))
            .Require(Request, WorkflowRoles.Coder, WorkflowRoles.Lead);

        Assert.Null(principal);
        var (status, contentType, body) = await ExecuteAsync(denied!);
        Assert.Equal(StatusCodes.Status403Forbidden, status);
        Assert.StartsWith("application/problem+json", contentType);
        Assert.Equal("This needs one of the roles: Coder, Lead.", body.GetProperty("detail").GetString());
    }

    [Fact]
    public void Require_OneOfTheRolesHeld_ReturnsThePrincipal()
    {
        var caller = Caller("lead");

        var (principal, denied) = new Authorizer(new FixedResolver(caller)).Require(Request, WorkflowRoles.Coder, WorkflowRoles.Lead);

        Assert.Null(denied);
        Assert.Same(caller, principal);
    }

    [Fact]
    public void Require_NoRolesDemanded_DeniesEveryone()
    {
        var (principal, denied) = new Authorizer(new FixedResolver(Caller(WorkflowRoles.All))).Require(Request);

        Assert.Null(principal);
        Assert.NotNull(denied);
    }
}
