using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Auth;
using Workflow.Api.Endpoints;

namespace Workflow.Api.Tests.Endpoints;

/// <summary>
/// Walks the endpoint table with every role: a route that forgot its roles, or a role change nobody
/// meant, fails here. The dispatcher is run on a bare service provider, so a call that passes
/// authorization fails only when the handler is resolved: that is how "reached the handler" is seen.
/// </summary>
public class ApiEndpointTableTests
{
    private static readonly Dictionary<string, string[]> ExpectedRoles = new()
    {
        ["CreateStudy"] = ["Lead"],
        ["PutStudyEngines"] = ["Lead"],
        ["PutCodebook"] = ["Lead"],
        ["GetCodebook"] = ["Interviewer", "Coder", "Lead"],
        ["PutIdentifiers"] = ["Lead"],
        ["ListEngines"] = ["Interviewer", "Coder", "Lead"],
        ["UploadRecording"] = ["Interviewer", "Lead"],
        ["ListRecordings"] = ["Interviewer", "Coder", "Lead"],
        ["GetRecording"] = ["Interviewer", "Coder", "Lead"],
        ["GetRecordingTranscript"] = ["Interviewer", "Coder", "Lead"],
        ["GetRedactionKey"] = ["Lead"],
        ["ClaimQueueItem"] = ["Coder", "Lead"],
        ["DecideQueueItem"] = ["Coder", "Lead"],
        ["ReleaseQueueItem"] = ["Coder", "Lead"],
        ["GetQueueSummary"] = ["Interviewer", "Coder", "Lead"],
        ["GetMe"] = ["Interviewer", "Coder", "Lead"],
        ["StartReprocess"] = ["Lead"],
        ["GetReprocessStatus"] = ["Lead"],
        ["CancelReprocess"] = ["Lead"],
        ["GetRecordingCustody"] = ["Lead"],
        ["RetryReprocess"] = ["Lead"],
        ["GetStudyExport"] = ["Lead"],
        ["GetStudyCodeReport"] = ["Lead"],
        ["GetAuditTrail"] = ["Lead"],
        ["VerifyAuditTrail"] = ["Lead"],
        ["GetAgreement"] = ["Lead"],
    };

    public static TheoryData<string> Endpoints() => new(ApiEndpointTable.All.Select(e => e.Name));

    private sealed class FixedResolver(WorkflowPrincipal? principal) : IPrincipalResolver
    {
        public WorkflowPrincipal? Resolve(HttpRequest request) => principal;
    }

    private static ApiEndpoint Endpoint(string name) => ApiEndpointTable.All.Single(e => e.Name == name);

    private static async Task<(int Status, JsonElement Body)> CallAsync(string endpoint, WorkflowPrincipal? caller)
    {
        using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var dispatcher = new ApiDispatcher(new FixedResolver(caller), services);
        var context = new DefaultHttpContext { RequestServices = services };
        using var body = new MemoryStream();
        context.Response.Body = body;
        var routeValues = Endpoint(endpoint).RouteParameters.ToDictionary(p => p, _ => "x1");

        var result = await dispatcher.InvokeAsync(endpoint, context.Request, routeValues, durable: null!, CancellationToken.None);
        await result.ExecuteAsync(context);
        using var json = JsonDocument.Parse(body.ToArray());
        return (context.Response.StatusCode, json.RootElement.Clone());
    }

    private static WorkflowPrincipal Caller(params string[] roles) => new("user-1", roles.ToHashSet(StringComparer.OrdinalIgnoreCase));

    [Fact]
    public void EveryRouteButHealthAndTheWebAppsFiles_RequiresARole_AndTheRolesAreTheIntendedOnes()
    {
        var anonymous = ApiEndpointTable.All.Where(e => e.Anonymous).Select(e => e.Name).Order();
        Assert.Equal(["Health", "WebApp"], anonymous);
        var actual = ApiEndpointTable.All.Where(e => !e.Anonymous).ToDictionary(e => e.Name, e => e.Roles.Order().ToArray());
        Assert.Equal(ExpectedRoles.ToDictionary(p => p.Key, p => p.Value.Order().ToArray()), actual);
    }

    [Fact]
    public void EachMethodAndRoute_IsDeclaredOnce() =>
        Assert.Equal(ApiEndpointTable.All.Count, ApiEndpointTable.All.Select(e => (e.Method, e.Route)).Distinct().Count());

    [Fact]
    public void AnEndpointWithoutRoles_CannotBeDeclared_UnlessAnonymous() =>
        Assert.Throws<ArgumentException>(() => new ApiEndpoint("Forgot", "GET", "x", [], (_, _) => Task.FromResult<IResult>(TypedResults.Ok())));

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task NoPrincipal_Gets401Problem_OnEveryProtectedRoute(string endpoint)
    {
        if (Endpoint(endpoint).Anonymous) return;
        var (status, body) = await CallAsync(endpoint, caller: null);
        Assert.Equal(StatusCodes.Status401Unauthorized, status);
        Assert.Equal("Sign in to use this API.", body.GetProperty("detail").GetString());
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task EveryRoleOutsideTheEndpointsSet_Gets403Problem(string endpoint)
    {
        var e = Endpoint(endpoint);
        foreach (var role in WorkflowRoles.All.Except(e.Roles).Where(_ => !e.Anonymous))
        {
            var (status, body) = await CallAsync(endpoint, Caller(role));
            Assert.Equal(StatusCodes.Status403Forbidden, status);
            Assert.Contains(string.Join(", ", e.Roles), body.GetProperty("detail").GetString());
        }
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task EveryRoleInTheEndpointsSet_ReachesTheHandler(string endpoint)
    {
        var e = Endpoint(endpoint);
        if (e.Anonymous)
        {
            var anonymous = await Assert.ThrowsAsync<InvalidOperationException>(() => CallAsync(endpoint, caller: null));
            Assert.Contains("No service for type", anonymous.Message);
            return;
        }
        foreach (var role in e.Roles)
        {
            // The bare provider has no handlers: resolving one is the first thing after authorization.
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => CallAsync(endpoint, Caller(role)));
            Assert.Contains("No service for type", error.Message);
        }
    }
}
