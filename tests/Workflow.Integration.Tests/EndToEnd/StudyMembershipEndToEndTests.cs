using System.Net;
using System.Text.Json;
using Workflow.Integration.Tests.Infrastructure;

namespace Workflow.Integration.Tests.EndToEnd;

/// <summary>
/// Per-study membership on the running local host (real storage): a member of one study is a
/// stranger to another, who is told its resources do not exist; an interviewer sees only their own
/// recordings; leads run their team but only an administrator makes or unmakes a lead.
/// </summary>
public class StudyMembershipEndToEndTests(RunnerFixture fixture) : IClassFixture<RunnerFixture>
{
    private ApiClient Api => fixture.Api;
    private static readonly TimeSpan StageTimeout = TimeSpan.FromMinutes(2);

    private Task<HttpResponseMessage> As(string user, HttpMethod method, string path, string body = "") =>
        // No X-Dev-Roles: the user is nobody's administrator, so only membership counts.
        Api.SendJsonAsync(method, path, body, user: user, roles: "none");

    [Fact]
    public async Task AMemberOfOneStudy_CannotSeeOrClaimFromAnother_AndIsToldNothingExists()
    {
        var mine = Azurite.UniqueStudyId("member-a");
        var theirs = Azurite.UniqueStudyId("member-b");
        // A user of this run only: the listing below would otherwise count studies of earlier runs.
        var coder = "coder-" + Guid.NewGuid().ToString("N")[..8];
        await Api.SetUpStudyAsync(mine);
        await Api.SetUpStudyAsync(theirs);
        await Api.AddMemberAsync(mine, coder, "Coder");
        var recording = await Api.UploadOkAsync(theirs, RepositoryPaths.Sample("transcripts/interview-service-user.txt"));
        await Api.WaitForStatusAsync(recording, StageTimeout, "WaitingForVerification", "Failed");

        Assert.Equal(HttpStatusCode.OK, (await As(coder, HttpMethod.Get, $"studies/{mine}/recordings")).StatusCode);
        foreach (var (method, path) in new[]
                 {
                     (HttpMethod.Get, $"studies/{theirs}/recordings"),
                     (HttpMethod.Get, $"recordings/{recording}"),
                     (HttpMethod.Get, $"recordings/{recording}/transcript"),
                     (HttpMethod.Post, $"studies/{theirs}/queue/claim"),
                     (HttpMethod.Get, $"studies/{theirs}/codebook"),
                 })
        {
            var response = await As(coder, method, path);
            var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.NotFound);
            Assert.StartsWith("There is no ", problem.GetProperty("detail").GetString());
        }
        // The same answer as for a study that really does not exist.
        var missing = await ApiClient.ProblemAsync(await As(coder, HttpMethod.Get, "studies/no-such-study-x/recordings"), HttpStatusCode.NotFound);
        Assert.Equal("There is no study 'no-such-study-x'.", missing.GetProperty("detail").GetString());

        var me = await ApiClient.EnsureAsync(await As(coder, HttpMethod.Get, "me"), HttpStatusCode.OK);
        var studies = me.GetProperty("studies").EnumerateArray().Select(s => s.GetProperty("studyId").GetString()).ToList();
        Assert.Contains(mine, studies);
        Assert.DoesNotContain(theirs, studies);
        var listed = await ApiClient.EnsureAsync(await As(coder, HttpMethod.Get, "studies"), HttpStatusCode.OK);
        Assert.Equal([mine], listed.GetProperty("studies").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task AnInterviewer_SeesOnlyTheirOwnRecordings_WhileCodersAndLeadsSeeAll()
    {
        var study = Azurite.UniqueStudyId("member-own");
        await Api.SetUpStudyAsync(study);
        await Api.AddMemberAsync(study, "interviewer-1", "Interviewer");
        await Api.AddMemberAsync(study, "interviewer-2", "Interviewer");
        await Api.AddMemberAsync(study, "coder-o", "Coder");
        var content = await File.ReadAllBytesAsync(RepositoryPaths.Sample("transcripts/interview-service-user.txt"));
        var upload = await ApiClient.EnsureAsync(await Api.UploadAsync(study, "one.txt", content, ApiClient.InterviewFields(), user: "interviewer-1"), HttpStatusCode.Accepted);
        var recording = upload.GetProperty("recordingId").GetString()!;

        async Task<List<string?>> ListAs(string user) =>
            (await ApiClient.EnsureAsync(await As(user, HttpMethod.Get, $"studies/{study}/recordings"), HttpStatusCode.OK))
            .EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal([recording], await ListAs("interviewer-1"));
        Assert.Empty(await ListAs("interviewer-2"));
        Assert.Equal([recording], await ListAs("coder-o"));
        Assert.Equal(HttpStatusCode.OK, (await As("interviewer-1", HttpMethod.Get, $"recordings/{recording}")).StatusCode);
        await ApiClient.ProblemAsync(await As("interviewer-2", HttpMethod.Get, $"recordings/{recording}"), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await As("interviewer-2", HttpMethod.Get, $"recordings/{recording}/transcript"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ALead_RunsTheTeam_ButOnlyAnAdministratorMakesOrRemovesLeads()
    {
        var study = Azurite.UniqueStudyId("member-team");
        await Api.SetUpStudyAsync(study);
        await Api.AddMemberAsync(study, "lead-t", "Lead");
        string Member(string user) => $"studies/{study}/members/{user}";

        await ApiClient.EnsureAsync(await As("lead-t", HttpMethod.Put, Member("coder-t"), """{"roles":["coder","Interviewer"]}"""), HttpStatusCode.Created);
        var changed = await ApiClient.EnsureAsync(await As("lead-t", HttpMethod.Put, Member("coder-t"), """{"roles":["Coder"]}"""), HttpStatusCode.OK);
        Assert.Equal(["Coder"], changed.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("lead-t", changed.GetProperty("changedBy").GetString());

        var promote = await ApiClient.ProblemAsync(await As("lead-t", HttpMethod.Put, Member("coder-t"), """{"roles":["Lead"]}"""), HttpStatusCode.Forbidden);
        Assert.Equal("Only an administrator can make someone a lead.", promote.GetProperty("detail").GetString());
        await ApiClient.ProblemAsync(await As("lead-t", HttpMethod.Delete, Member("local-developer")), HttpStatusCode.Forbidden);
        await ApiClient.ProblemAsync(await As("lead-t", HttpMethod.Put, Member("coder-t"), """{"roles":["Admin"]}"""), HttpStatusCode.BadRequest);
        await ApiClient.ProblemAsync(await As("coder-t", HttpMethod.Get, $"studies/{study}/members"), HttpStatusCode.Forbidden);

        var team = await ApiClient.EnsureAsync(await As("lead-t", HttpMethod.Get, $"studies/{study}/members"), HttpStatusCode.OK);
        Assert.Equal(["coder-t", "lead-t", "local-developer"], team.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("userId").GetString()));

        await ApiClient.EnsureAsync(await As("lead-t", HttpMethod.Delete, Member("coder-t")), HttpStatusCode.NoContent);
        await ApiClient.ProblemAsync(await As("coder-t", HttpMethod.Get, $"studies/{study}/recordings"), HttpStatusCode.NotFound);
        // The administrator (the default development user) can remove a lead.
        await ApiClient.EnsureAsync(await Api.SendJsonAsync(HttpMethod.Delete, Member("lead-t"), ""), HttpStatusCode.NoContent);
        await ApiClient.ProblemAsync(await As("lead-t", HttpMethod.Get, $"studies/{study}/members"), HttpStatusCode.NotFound);
        Assert.Contains("MembershipChanged", (await ApiClient.EnsureAsync(await Api.GetAsync($"studies/{study}/audit"), HttpStatusCode.OK)).ToString());
    }
}
