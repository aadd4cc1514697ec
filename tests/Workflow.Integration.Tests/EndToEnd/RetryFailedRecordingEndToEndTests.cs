using System.Net;
using System.Text.Json;
using Workflow.Integration.Tests.Infrastructure;

namespace Workflow.Integration.Tests.EndToEnd;

/// <summary>
/// A failed recording is retried from the stage it failed in (the dashboard's Retry button), through
/// the local runner on the real Durable backend: after the lead fixes what failed, one request runs it
/// again and it reaches the coders; the same failure retried twice starts one batch; what cannot be
/// retried is refused with a reason.
/// </summary>
public class RetryFailedRecordingEndToEndTests(RunnerFixture fixture) : IClassFixture<RunnerFixture>
{
    private ApiClient Api => fixture.Api;
    private static readonly TimeSpan StageTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task ARecordingThatFailedAtCoding_IsRetriedFromCodingAfterTheLeadFixesTheEngine_AndReachesTheCoders()
    {
        var study = Azurite.UniqueStudyId("retry");
        await Api.SetUpStudyAsync(study);
        // A cloud coder this runner has no endpoint for: the Coding stage fails naming its settings.
        await ApiClient.EnsureAsync(await Api.SendJsonAsync(HttpMethod.Put, $"studies/{study}/engines",
            JsonSerializer.Serialize(new { allowCloudEngines = true, coding = "azure-openai" })), HttpStatusCode.OK);
        var recording = await Api.UploadOkAsync(study, RepositoryPaths.Sample("transcripts/interview-service-user.txt"));
        var (failed, _) = await Api.WaitForStatusAsync(recording, StageTimeout, "Failed", "WaitingForVerification");
        Assert.Equal("Failed", failed.GetProperty("status").GetString());
        Assert.Equal("Coding", failed.GetProperty("stage").GetString());
        Assert.Contains("Engines:AzureOpenAI", failed.GetProperty("error").GetString());

        // A coder may not retry; the lead fixes the engine, then retries (twice: one batch).
        var coder = "coder-" + Guid.NewGuid().ToString("N")[..8];
        await Api.AddMemberAsync(study, coder, "Coder");
        var refused = await Api.SendJsonAsync(HttpMethod.Post, $"recordings/{recording}/retry", "{}", user: coder);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        await ApiClient.EnsureAsync(await Api.SendJsonAsync(HttpMethod.Put, $"studies/{study}/engines",
            JsonSerializer.Serialize(new { allowCloudEngines = false, coding = "keywords" })), HttpStatusCode.OK);
        var first = await ApiClient.EnsureAsync(await Api.SendJsonAsync(HttpMethod.Post, $"recordings/{recording}/retry", "{}"), HttpStatusCode.Accepted);
        var second = await ApiClient.EnsureAsync(await Api.SendJsonAsync(HttpMethod.Post, $"recordings/{recording}/retry", "{}"), HttpStatusCode.Accepted);
        Assert.Equal("Coding", first.GetProperty("stage").GetString());
        Assert.Equal(first.GetProperty("operationId").GetString(), second.GetProperty("operationId").GetString());
        Assert.True(second.GetProperty("alreadyStarted").GetBoolean());

        // The batch hands the recording to the coders; it no longer shows the failure.
        var batch = await Api.WaitForBatchAsync(first.GetProperty("statusUrl").GetString()!, StageTimeout);
        Assert.Equal(1, batch.GetProperty("counts").GetProperty("done").GetInt32());
        Assert.Equal(0, batch.GetProperty("counts").GetProperty("failed").GetInt32());
        var waiting = await Api.RecordingAsync(recording);
        Assert.Equal("WaitingForVerification", waiting.GetProperty("status").GetString());
        Assert.True(string.IsNullOrEmpty(waiting.TryGetProperty("error", out var error) ? error.GetString() : null), "the old failure is still shown");
        Assert.NotNull(await Api.ClaimAsync(study));

        // Not failed any more: nothing to retry.
        var again = await Api.SendJsonAsync(HttpMethod.Post, $"recordings/{recording}/retry", "{}");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("has not failed", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ARecordingThatFailedAtIngest_CannotBeRetried_TheLeadIsToldToUploadItAgain()
    {
        var study = Azurite.UniqueStudyId("retry-ingest");
        await Api.SetUpStudyAsync(study);
        var garbage = new byte[20_000];
        new Random(11).NextBytes(garbage);
        var upload = await Api.UploadAsync(study, "corrupt.wav", garbage, ApiClient.InterviewFields());
        var recording = (await ApiClient.EnsureAsync(upload, HttpStatusCode.Accepted)).GetProperty("recordingId").GetString()!;
        var (failed, _) = await Api.WaitForStatusAsync(recording, StageTimeout, "Failed", "WaitingForVerification");
        Assert.Equal("Ingesting", failed.GetProperty("stage").GetString());

        var refused = await Api.SendJsonAsync(HttpMethod.Post, $"recordings/{recording}/retry", "{}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("upload the file again", problem.GetProperty("detail").GetString());

        var unknown = await Api.SendJsonAsync(HttpMethod.Post, "recordings/rec-does-not-exist/retry", "{}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
