using System.Net;
using System.Text;
using Workflow.Integration.Tests.Infrastructure;

namespace Workflow.Integration.Tests.EndToEnd;

/// <summary>
/// Bad input gets a clear 4xx problem-details response, or a failed stage whose reason the status
/// shows; the upload is kept and the runner keeps serving.
/// </summary>
public class BadInputTests(RunnerFixture fixture) : IClassFixture<RunnerFixture>
{
    private ApiClient Api => fixture.Api;
    private static readonly TimeSpan StageTimeout = TimeSpan.FromMinutes(2);

    private async Task<string> StudyAsync()
    {
        var study = Azurite.UniqueStudyId("bad");
        await Api.SetUpStudyAsync(study);
        return study;
    }

    [Fact]
    public async Task Upload_EmptyFile_Is400()
    {
        var study = await StudyAsync();
        var response = await Api.UploadAsync(study, "empty.wav", [], ApiClient.InterviewFields());
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("empty", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Upload_UnknownFormat_Is415AndNamesTheAcceptedOnes()
    {
        var study = await StudyAsync();
        var response = await Api.UploadAsync(study, "notes.pdf", [1, 2, 3], ApiClient.InterviewFields());
        var problem = await ApiClient.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains(".wav", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Upload_ContentTypeContradictsExtension_Is415()
    {
        var study = await StudyAsync();
        var response = await Api.UploadAsync(study, "a.wav", [1, 2, 3], ApiClient.InterviewFields(), "text/plain");
        await ApiClient.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Upload_Oversized_Is413()
    {
        var study = await StudyAsync();
        var response = await Api.UploadAsync(study, "long.wav", new byte[3_100_000], ApiClient.InterviewFields());
        await ApiClient.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Upload_MissingMetadataAndConsent_Is400ListingEveryProblem()
    {
        var study = await StudyAsync();
        var fields = new Dictionary<string, string> { ["participants"] = "Darren:ServiceUser" };
        var response = await Api.UploadAsync(study, "a.txt", Encoding.UTF8.GetBytes("Interviewer: hi\n"), fields);
        var detail = (await ApiClient.ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("detail").GetString()!;
        Assert.Contains("siteId is required", detail);
        Assert.Contains("format is required", detail);
        Assert.Contains("not a name", detail);
        Assert.Contains("consentRecording", detail);
    }

    [Fact]
    public async Task Upload_UnknownStudy_Is404()
    {
        var response = await Api.UploadAsync("no-such-study", "a.txt", [65], ApiClient.InterviewFields());
        await ApiClient.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Upload_StudyWithoutCodebook_Is409()
    {
        var study = Azurite.UniqueStudyId("nocb");
        await Api.CreateStudyAsync(study);
        var response = await Api.UploadAsync(study, "a.txt", [65], ApiClient.InterviewFields());
        await ApiClient.ProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task PutCodebook_Invalid_Is400WithTheProblems()
    {
        var study = Azurite.UniqueStudyId("cb");
        await Api.CreateStudyAsync(study);
        var notJson = await Api.SendJsonAsync(HttpMethod.Put, $"studies/{study}/codebook", "{ not json");
        await ApiClient.ProblemAsync(notJson, HttpStatusCode.BadRequest);
        var orphan = await Api.SendJsonAsync(HttpMethod.Put, $"studies/{study}/codebook",
            """{"name":"x","codes":[{"id":"c1","parent":"missing","level":2,"name":"C","definition":"d"}]}""");
        var detail = (await ApiClient.ProblemAsync(orphan, HttpStatusCode.BadRequest)).GetProperty("detail").GetString()!;
        Assert.Contains("missing", detail);
    }

    [Fact]
    public async Task CorruptAudio_FailsAtIngestWithAReason_AndTheRunnerKeepsServing()
    {
        var study = await StudyAsync();
        var garbage = new byte[50_000];
        new Random(7).NextBytes(garbage);
        var id = await UploadAsync(study, "corrupt.wav", garbage);

        var (failed, _) = await Api.WaitForStatusAsync(id, StageTimeout, "Failed", "WaitingForVerification");
        Assert.Equal("Failed", failed.GetProperty("status").GetString());
        Assert.Equal("Ingesting", failed.GetProperty("stage").GetString());
        Assert.StartsWith("Ingesting failed:", failed.GetProperty("error").GetString());
        var health = await ApiClient.EnsureAsync(await Api.GetAsync("health"), HttpStatusCode.OK);
        foreach (var part in new[] { "identifiableStorage", "deidentifiedStorage", "durable" })
            Assert.Equal("ok", health.GetProperty("parts").GetProperty(part).GetString());
    }

    [Fact]
    public async Task TruncatedAudio_FailsWithAReason()
    {
        var study = await StudyAsync();
        var audio = await File.ReadAllBytesAsync(await SampleAudio.MakeAsync(fixture.Runner.WorkDirectory + "-trunc", RepositoryPaths.Sample("audio-script.txt")));
        var id = await UploadAsync(study, "cut.wav", audio[..40]);

        var (failed, _) = await Api.WaitForStatusAsync(id, StageTimeout, "Failed", "WaitingForVerification");
        Assert.Equal("Failed", failed.GetProperty("status").GetString());
        Assert.False(string.IsNullOrWhiteSpace(failed.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task TranscriptWithoutSpeakerTurns_FailsAtIngestWithAReason()
    {
        var study = await StudyAsync();
        var id = await UploadAsync(study, "notes.txt", Encoding.UTF8.GetBytes("just some notes\nwith no speakers at all\n"));

        var (failed, _) = await Api.WaitForStatusAsync(id, StageTimeout, "Failed", "WaitingForVerification");
        Assert.Equal("Ingesting", failed.GetProperty("stage").GetString());
        Assert.Contains("speaker", failed.GetProperty("error").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("some notes", failed.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Decision_InvalidOrRepeated_IsRefusedClearly()
    {
        var study = await StudyAsync();
        await UploadAsync(study, "a.txt", Encoding.UTF8.GetBytes(
            "Interviewer: Tell me about the user group.\n\nParticipant: The user group meets every month and we tell the service what is wrong with the script and the waiting times, and they listen to us now.\n"));
        JsonElementHolder item = new();
        var until = DateTime.UtcNow.AddMinutes(2);
        while (item.Value is null && DateTime.UtcNow < until)
        {
            item.Value = await Api.ClaimAsync(study);
            if (item.Value is null) await Task.Delay(300);
        }
        Assert.NotNull(item.Value);
        var itemId = item.Value!.Value.GetProperty("id").GetString()!;
        var kind = item.Value!.Value.GetProperty("kind").GetString();
        var wrong = kind == "Redaction" ? new { action = "accept" } : new { action = "undo" };

        await ApiClient.ProblemAsync(await Api.DecideAsync(itemId, wrong), HttpStatusCode.BadRequest);
        await Api.AddMemberAsync(study, "someone-else", "Coder");
        await ApiClient.ProblemAsync(await Api.DecideAsync(itemId, new { action = "confirm" }, user: "someone-else"), HttpStatusCode.Conflict);
        var right = kind == "Redaction" ? new { action = "confirm" } : new { action = "accept" };
        await ApiClient.EnsureAsync(await Api.DecideAsync(itemId, right), HttpStatusCode.OK);
        await ApiClient.ProblemAsync(await Api.DecideAsync(itemId, right), HttpStatusCode.Conflict);
        await ApiClient.ProblemAsync(await Api.DecideAsync("rec-nope~c1-0.0-x", right), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Endpoints_WithoutTheRole_Are403()
    {
        var response = await Api.SendJsonAsync(HttpMethod.Post, "studies", """{"name":"x"}""", user: "coder-1", roles: "Coder");
        await ApiClient.ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    private async Task<string> UploadAsync(string study, string name, byte[] content)
    {
        var body = await ApiClient.EnsureAsync(await Api.UploadAsync(study, name, content, ApiClient.InterviewFields()), HttpStatusCode.Accepted);
        return body.GetProperty("recordingId").GetString()!;
    }

    private sealed class JsonElementHolder
    {
        public System.Text.Json.JsonElement? Value;
    }
}
