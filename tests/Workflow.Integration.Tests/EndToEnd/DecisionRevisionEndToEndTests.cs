using System.Net;
using Workflow.Integration.Tests.Infrastructure;

namespace Workflow.Integration.Tests.EndToEnd;

/// <summary>
/// Revising a decision on the running local host: the coder who decided (or a lead) appends a newer
/// decision, which the final transcript applies; others, undecided items and finished recordings are
/// refused in words; an oversize memo is refused and nothing is recorded.
/// </summary>
public class DecisionRevisionEndToEndTests(RunnerFixture fixture) : IClassFixture<RunnerFixture>
{
    private ApiClient Api => fixture.Api;
    private static readonly TimeSpan StageTimeout = TimeSpan.FromMinutes(2);

    private Task<HttpResponseMessage> ReviseAsync(string itemId, object body, string user) =>
        Api.SendJsonAsync(HttpMethod.Post, $"queue/items/{itemId}/revision", System.Text.Json.JsonSerializer.Serialize(body), user);

    [Fact]
    public async Task ACoderRevisesTheirDecision_TheFinalTranscriptAppliesTheNewerOne_AndWrongRevisionsAreRefused()
    {
        var study = Azurite.UniqueStudyId("revise");
        await Api.SetUpStudyAsync(study);
        await Api.AddMemberAsync(study, "cara", "Coder");
        await Api.AddMemberAsync(study, "dan", "Coder");
        var recording = await Api.UploadOkAsync(study, RepositoryPaths.Sample("transcripts/interview-service-user.txt"));
        await Api.WaitForStatusAsync(recording, StageTimeout, "WaitingForVerification", "Failed");

        var claimed = await Api.ClaimAsync(study, "cara");
        while (claimed?.GetProperty("kind").GetString() is "Redaction" or "TranscriptCheck")
        {
            await ApiClient.EnsureAsync(await Api.DecideAsync(claimed.Value.GetProperty("id").GetString()!, new { action = "confirm" }, "cara"), HttpStatusCode.OK);
            claimed = await Api.ClaimAsync(study, "cara");
        }
        var item = claimed!.Value;
        var id = item.GetProperty("id").GetString()!;
        var code = item.GetProperty("suggestion").GetProperty("codeId").GetString()!;
        await ApiClient.ProblemAsync(await ReviseAsync(id, new { action = "reject" }, "cara"), HttpStatusCode.Conflict);

        var oversize = await ApiClient.ProblemAsync(await Api.DecideAsync(id, new { action = "accept", note = new string('m', 4_001) }, "cara"), HttpStatusCode.BadRequest);
        Assert.Contains("at most 4,000", oversize.GetRawText(), StringComparison.Ordinal);
        await ApiClient.EnsureAsync(await Api.DecideAsync(id, new { action = "accept", note = "fits" }, "cara"), HttpStatusCode.OK);

        await ApiClient.ProblemAsync(await ReviseAsync(id, new { action = "reject" }, "dan"), HttpStatusCode.Forbidden);
        var revised = await ApiClient.EnsureAsync(await ReviseAsync(id, new { action = "reject", note = "on reflection, not this code" }, "cara"), HttpStatusCode.OK);
        Assert.Equal("Reject", revised.GetProperty("action").GetString());
        Assert.Equal(1, revised.GetProperty("earlierDecisions").GetInt32());

        // The rest of the segment Cara claimed with that proposal is still hers: she gives it back.
        if (await Api.ClaimAsync(study, "cara") is { } rest)
            await ApiClient.EnsureAsync(await Api.SendJsonAsync(HttpMethod.Post, $"queue/items/{rest.GetProperty("id").GetString()}/release", "", "cara"), HttpStatusCode.OK);
        await Api.DecideEverythingAsync(study);
        await Api.WaitForStatusAsync(recording, StageTimeout, "Completed", "Failed");
        var final = await ApiClient.EnsureAsync(await Api.GetAsync($"recordings/{recording}/transcript"), HttpStatusCode.OK);
        var caras = final.GetProperty("transcript").GetProperty("segments").EnumerateArray()
            .SelectMany(s => s.GetProperty("codes").EnumerateArray())
            .Where(c => c.GetProperty("decidedBy").GetString() == "cara" && c.GetProperty("codeId").GetString() == code);
        Assert.Empty(caras);

        var late = await ApiClient.ProblemAsync(await ReviseAsync(id, new { action = "accept" }, "cara"), HttpStatusCode.Conflict);
        Assert.Contains("no longer waits for verification", late.GetRawText(), StringComparison.Ordinal);
    }
}
