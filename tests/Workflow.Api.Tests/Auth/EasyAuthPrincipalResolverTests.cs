using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Workflow.Api.Auth;

namespace Workflow.Api.Tests.Auth;

public class EasyAuthPrincipalResolverTests
{
    private const string RoleClaim = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";
    private const string NameClaim = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name";

    private static HttpRequest RequestWithHeader(string? value)
    {
        var context = new DefaultHttpContext();
        if (value is not null) context.Request.Headers["X-MS-CLIENT-PRINCIPAL"] = value;
        return context.Request;
    }

    private static string Encode(object principal) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(principal)));

    private static string Principal(params (string Typ, string Val)[] claims) => Encode(new
    {
        auth_typ = "aad",
        name_typ = NameClaim,
        role_typ = RoleClaim,
        claims = claims.Select(c => new { typ = c.Typ, val = c.Val }),
    });

    private static WorkflowPrincipal? Resolve(string? header) => new EasyAuthPrincipalResolver().Resolve(RequestWithHeader(header));

    [Fact]
    public void Resolve_PlatformPrincipal_ReadsTheUserAndRoles()
    {
        var principal = Resolve(Principal((NameClaim, "coder@example.org"), (RoleClaim, "Coder"), (RoleClaim, "Lead"), ("aud", "x")));

        Assert.NotNull(principal);
        Assert.Equal("coder@example.org", principal.UserId);
        Assert.Equal(["Coder", "Lead"], principal.Roles.Order());
        Assert.True(principal.IsInAnyRole(["lead"]));
        Assert.False(principal.IsInAnyRole([WorkflowRoles.Interviewer]));
    }

    [Fact]
    public void Resolve_RolesUnderTheShortRolesClaim_AreAlsoRead()
    {
        var principal = Resolve(Principal((NameClaim, "lead@example.org"), ("roles", "Lead")));

        Assert.Equal(["Lead"], principal!.Roles);
    }

    [Fact]
    public void Resolve_NoNameTypeClaim_FallsBackToPreferredUsername()
    {
        var principal = Resolve(Encode(new
        {
            auth_typ = "aad",
            claims = new[] { new { typ = "preferred_username", val = "interviewer@example.org" }, new { typ = "roles", val = "Interviewer" } },
        }));

        Assert.Equal("interviewer@example.org", principal!.UserId);
        Assert.Equal(["Interviewer"], principal.Roles);
    }

    [Fact]
    public void Resolve_NoUserClaim_IsNull() =>
        Assert.Null(Resolve(Principal((RoleClaim, "Lead"))));

    [Fact]
    public void Resolve_MissingHeader_IsNull() =>
        Assert.Null(Resolve(null));

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("e30")]
    public void Resolve_GarbageBase64_IsNull(string header) =>
        Assert.Null(Resolve(header));

    [Theory]
    [InlineData("this is not json")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"auth_typ\":\"aad\",\"name_typ\":\"name\"}")]
    [InlineData("{\"auth_typ\":\"aad\",\"claims\":null}")]
    [InlineData("{\"auth_typ\":\"aad\",\"claims\":[{\"val\":\"x\"}]}")]
    [InlineData("{\"name_typ\":42,\"claims\":[]}")]
    public void Resolve_JsonWithoutUsableClaims_IsNull(string json) =>
        Assert.Null(Resolve(Convert.ToBase64String(Encoding.UTF8.GetBytes(json))));
}
