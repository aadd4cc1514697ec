using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Auth;
using Workflow.Api.Endpoints;
using Workflow.Domain.Studies;
using Workflow.Storage;

namespace Workflow.Api.Tests.Endpoints;

/// <summary>
/// The role matrix: every route of the endpoint table, called by every kind of caller (a member of
/// the study in each study role, an administrator who is not a member, a signed-in non-member, and
/// nobody), must reach its handler for exactly the callers listed here and answer the others 401,
/// 403 or 404 (a non-member is told the study's resource does not exist). A route that forgot its
/// roles, or a role change nobody meant, fails here. The dispatcher runs on a bare service provider,
/// so a call that passes authorization fails only when the handler is resolved: that is how "reached
/// the handler" is seen.
/// </summary>
public class ApiEndpointTableTests
{
    private const string Study = "s1";
    private const string OtherStudy = "s2";
    private const string I = "Interviewer", C = "Coder", L = "Lead", A = "Admin(non-member)", N = "NonMember";
    private static readonly string[] Everyone = [I, C, L, A, N];
    private static readonly string[] StudyTeam = [I, C, L];

    /// <summary>Who may use each route (study roles mean roles in the route's study).</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["CreateStudy"] = [A],
        ["ListStudies"] = Everyone,
        ["ListStudyMembers"] = [L, A],
        ["PutStudyMember"] = [L, A],
        ["RemoveStudyMember"] = [L, A],
        ["PutStudyEngines"] = [L],
        ["PutStudyVerification"] = [L],
        ["ReviseQueueDecision"] = [C, L],
        ["DecideQueueSegment"] = [C, L],
        ["GetStudyVerification"] = StudyTeam,
        ["PutCodebook"] = [L],
        ["GetCodebook"] = StudyTeam,
        ["GetCodebookVersions"] = StudyTeam,
        ["PutIdentifiers"] = [L],
        ["LinkIdentifiers"] = [L],
        ["ListEngines"] = Everyone,
        ["UploadRecording"] = [I, L],
        ["GrantUpload"] = [I, L],
        ["GetUploadGrant"] = [I, L],
        ["ListRecordings"] = StudyTeam,
        ["GetRecording"] = StudyTeam,
        ["GetRecordingTranscript"] = StudyTeam,
        ["GetRecordingAudio"] = StudyTeam,
        ["GetRecordingSpeakers"] = StudyTeam,
        ["PutRecordingSpeakers"] = [I, L],
        ["GetRedactionKey"] = [L],
        ["GetRecordingCustody"] = [L],
        ["DeleteRecording"] = [L],
        ["WithdrawParticipant"] = [L],
        ["GetParticipantWithdrawal"] = [L],
        ["ClaimQueueItem"] = [C, L],
        ["DecideQueueItem"] = [C, L],
        ["ReleaseQueueItem"] = [C, L],
        ["SkipQueueItem"] = [C, L],
        ["GetQueueSummary"] = StudyTeam,
        ["GetMe"] = Everyone,
        ["StartReprocess"] = [L],
        ["GetReprocessStatus"] = [L],
        ["CancelReprocess"] = [L],
        ["RetryRecording"] = [L],
        ["RetryReprocess"] = [L],
        ["GetStudyExport"] = [L],
        ["GetStudyCodeReport"] = [L],
        ["GetStudyThroughputReport"] = [L],
        ["MarkMissedIdentifier"] = [C, L],
        ["GetAuditTrail"] = [L],
        ["VerifyAuditTrail"] = [L],
        ["GetAgreement"] = [L],
        ["GetLearning"] = [L],
    };

    public static TheoryData<string> Endpoints() => new(ApiEndpointTable.All.Select(e => e.Name));

    public static TheoryData<string, string> EndpointsAndCallers()
    {
        var data = new TheoryData<string, string>();
        foreach (var endpoint in ApiEndpointTable.All.Where(e => !e.Anonymous))
            foreach (var caller in Everyone) data.Add(endpoint.Name, caller);
        return data;
    }

    private sealed class FixedResolver(WorkflowPrincipal? principal) : IPrincipalResolver
    {
        public WorkflowPrincipal? Resolve(HttpRequest request) => principal;
    }

    /// <summary>
    /// Membership of the test's study: each study role has its member; the non-member and the
    /// administrator belong only to another study. Recordings and items of <see cref="Study"/> are
    /// recognised by their ids, as the stored lookup would.
    /// </summary>
    private sealed class Memberships : IStudyMembershipSource
    {
        public Task<StudyMember?> MemberAsync(string studyId, string userId, CancellationToken ct) => Task.FromResult(
            studyId == Study && userId is I or C or L ? new StudyMember(studyId, userId, [userId], "admin", DateTimeOffset.UnixEpoch)
            : studyId == OtherStudy && userId is N ? new StudyMember(studyId, userId, [L], "admin", DateTimeOffset.UnixEpoch)
            : null);

        public Task<bool> StudyExistsAsync(string studyId, CancellationToken ct) => Task.FromResult(studyId is Study or OtherStudy);

        public Task<string?> StudyOfRecordingAsync(string recordingId, CancellationToken ct) =>
            Task.FromResult<string?>(recordingId.StartsWith(Study + "-", StringComparison.Ordinal) ? Study : null);

        public string? StudyOfQueueItem(string itemId) => VerificationQueue.StudyOfItem(itemId);
    }

    private static ApiEndpoint Endpoint(string name) => ApiEndpointTable.All.Single(e => e.Name == name);

    private static string RouteValue(string parameter) => parameter switch
    {
        "studyId" => Study,
        "recordingId" => Study + "-rec1",
        "itemId" => $"{Study}~{Study}-rec1~r-1",
        _ => "x1",
    };

    private static WorkflowPrincipal? Principal(string caller) => caller switch
    {
        A => new WorkflowPrincipal("admin-1", new HashSet<string> { WorkflowRoles.Admin }),
        // Identity roles other than Admin mean nothing: a study role comes only from membership.
        N => new WorkflowPrincipal(N, new HashSet<string> { WorkflowRoles.Lead, WorkflowRoles.Coder, WorkflowRoles.Interviewer }),
        "nobody" => null,
        _ => new WorkflowPrincipal(caller, new HashSet<string>()),
    };

    /// <summary>The status the dispatcher answered, or 0 when it got as far as the handler.</summary>
    private static async Task<(int Status, string? Detail)> CallAsync(string endpoint, string caller)
    {
        using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var dispatcher = new ApiDispatcher(new FixedResolver(Principal(caller)), new Memberships(), services);
        var context = new DefaultHttpContext { RequestServices = services };
        using var body = new MemoryStream();
        context.Response.Body = body;
        var routeValues = Endpoint(endpoint).RouteParameters.ToDictionary(p => p, RouteValue);
        IResult result;
        try
        {
            result = await dispatcher.InvokeAsync(endpoint, context.Request, routeValues, durable: null!, CancellationToken.None);
        }
        catch (InvalidOperationException e) when (e.Message.Contains("No service for type"))
        {
            return (0, null);
        }
        await result.ExecuteAsync(context);
        using var json = JsonDocument.Parse(body.ToArray());
        return (context.Response.StatusCode, json.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public void TheMatrix_CoversEveryRouteButHealthAndTheWebAppsFiles()
    {
        Assert.Equal(["Health", "WebApp"], ApiEndpointTable.All.Where(e => e.Anonymous).Select(e => e.Name).Order());
        Assert.Equal(Allowed.Keys.Order(), ApiEndpointTable.All.Where(e => !e.Anonymous).Select(e => e.Name).Order());
    }

    [Theory]
    [MemberData(nameof(EndpointsAndCallers))]
    public async Task EachCaller_ReachesTheHandler_ExactlyWhenTheMatrixAllowsIt(string endpoint, string caller)
    {
        var (status, detail) = await CallAsync(endpoint, caller);

        if (Allowed[endpoint].Contains(caller))
        {
            Assert.Equal(0, status);
            return;
        }
        var e = Endpoint(endpoint);
        if (caller == N && e.Scope != StudyScope.None)
        {
            // Not a member: answered as if the resource did not exist, naming only what was asked for.
            Assert.Equal(StatusCodes.Status404NotFound, status);
            Assert.StartsWith("There is no ", detail);
        }
        else
        {
            Assert.Equal(StatusCodes.Status403Forbidden, status);
        }
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task NoPrincipal_Gets401Problem_OnEveryProtectedRoute(string endpoint)
    {
        var (status, detail) = await CallAsync(endpoint, "nobody");
        if (Endpoint(endpoint).Anonymous)
        {
            Assert.Equal(0, status);
            return;
        }
        Assert.Equal(StatusCodes.Status401Unauthorized, status);
        Assert.Equal("Sign in to use this API.", detail);
    }

    [Theory]
    [InlineData("GetRecording", "recordingId", "s9-rec1")]
    [InlineData("DecideQueueItem", "itemId", "not-an-item")]
    public async Task AnUnknownRecordingOrItem_IsAnsweredLikeAHiddenOne(string endpoint, string parameter, string value)
    {
        using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var dispatcher = new ApiDispatcher(new FixedResolver(Principal(L)), new Memberships(), services);
        var context = new DefaultHttpContext { RequestServices = services };
        using var body = new MemoryStream();
        context.Response.Body = body;

        var result = await dispatcher.InvokeAsync(endpoint, context.Request, new Dictionary<string, string> { [parameter] = value }, durable: null!, CancellationToken.None);
        await result.ExecuteAsync(context);

        Assert.Equal(StatusCodes.Status404NotFound, context.Response.StatusCode);
    }

    [Fact]
    public void EachMethodAndRoute_IsDeclaredOnce() =>
        Assert.Equal(ApiEndpointTable.All.Count, ApiEndpointTable.All.Select(e => (e.Method, e.Route)).Distinct().Count());

    [Fact]
    public void AnEndpointWithoutRoles_CannotBeDeclared_UnlessSignedInOrAnonymous() =>
        Assert.Throws<ArgumentException>(() => new ApiEndpoint("Forgot", "GET", "x", [], (_, _) => Task.FromResult<IResult>(TypedResults.Ok())));

    [Fact]
    public void AStudyRoute_CannotBeOpenToEveryoneSignedIn() =>
        Assert.Throws<ArgumentException>(() => new ApiEndpoint("Leaky", "GET", "studies/{studyId}/x", [], (_, _) => Task.FromResult<IResult>(TypedResults.Ok()), ApiAccess.SignedIn));
}
