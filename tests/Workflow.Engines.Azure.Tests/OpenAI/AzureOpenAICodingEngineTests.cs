using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Workflow.Domain.Coding;
using Workflow.Domain.Ports;
using Workflow.Engines.Azure.OpenAI;
using static Workflow.Engines.Azure.Tests.OpenAI.FakeOpenAIService;

namespace Workflow.Engines.Azure.Tests.OpenAI;

public sealed class AzureOpenAICodingEngineTests
{
    private const string Good =
        """{"segments":[{"segmentId":"s2","codes":[{"codeId":"T1.1","confidence":0.86,"rationale":"A six-week wait for a script.","evidence":"I waited six weeks for a script"}]},{"segmentId":"s4","codes":[{"codeId":"T1.2","confidence":0.74,"rationale":"Keyworker responsive.","evidence":"she rings me back the same day"}]}]}""";

    private static AzureOpenAICodingEngine Engine(Uri? endpoint, Action<AzureOpenAIOptions>? change = null)
    {
        var options = new AzureOpenAIOptions { Endpoint = endpoint, Deployment = "gpt-4o-coding", ApiKey = "test-key", MaxRetries = 2, MaxRetryDelay = TimeSpan.FromSeconds(2) };
        change?.Invoke(options);
        return new AzureOpenAICodingEngine(new AzureOpenAIChat(Options.Create(options), null), NullLogger<AzureOpenAICodingEngine>.Instance);
    }

    private static Task<IReadOnlyList<CodeSuggestion>> Suggest(AzureOpenAICodingEngine engine) =>
        engine.SuggestAsync(CodingSamples.Segments, CodingSamples.Codebook, CancellationToken.None);

    [Fact]
    public async Task SuggestAsync_GoodAnswer_GivesCheckedSuggestions_FromOneStrictSchemaRequest()
    {
        await using var fake = await StartAsync(Completion(Good));

        var suggestions = await Suggest(Engine(fake.Endpoint));

        Assert.Equal([("s2", "T1.1"), ("s4", "T1.2")], suggestions.Select(s => (s.SegmentId, s.CodeId)));
        Assert.All(suggestions, s => Assert.Equal(("azure-openai", 3), (s.Engine, s.CodebookVersion)));
        Assert.All(suggestions, s => Assert.False(string.IsNullOrEmpty(s.EngineVersion)));
        Assert.Equal("I waited six weeks  for a script", suggestions[0].Evidence.Text);
        var request = Assert.Single(fake.Requests);
        Assert.StartsWith("/openai/deployments/gpt-4o-coding/chat/completions?api-version=", request.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("test-key", request.Key);
        Assert.Equal("json_schema", (string)request.Body["response_format"]!["type"]!);
        Assert.True((bool)request.Body["response_format"]!["json_schema"]!["strict"]!);
        var messages = request.Body["messages"]!.AsArray();
        Assert.Equal(["system", "user"], messages.Select(m => (string)m!["role"]!));
        Assert.Contains("T1.2", messages[0]!["content"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("[PERSON_2] actually listens", messages[1]!["content"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuggestAsync_MalformedThenGood_AsksAgainOnce()
    {
        await using var fake = await StartAsync(Completion("Here are the codes you asked for: T1.1 for s2."), Completion(Good));

        var suggestions = await Suggest(Engine(fake.Endpoint));

        Assert.Equal(2, suggestions.Count);
        Assert.Equal(2, fake.Requests.Count);
    }

    [Fact]
    public async Task SuggestAsync_MalformedTwice_FailsClearly_WithoutQuotingTheTranscript()
    {
        await using var fake = await StartAsync(Completion("""{"segments":[{"segmentId":"s2","codes":[{"codeId":"T1.1","evidence":"I waited six weeks"}]}]}"""));

        var e = await Assert.ThrowsAsync<EngineUnavailableException>(() => Suggest(Engine(fake.Endpoint)));

        Assert.Contains("batch 1 (segments s2 to s4)", e.Message, StringComparison.Ordinal);
        Assert.Contains("after 2 attempts", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("waited", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, fake.Requests.Count);
    }

    [Fact]
    public async Task SuggestAsync_LaterBatchFails_ReturnsNothingHalf()
    {
        const string First = """{"segments":[{"segmentId":"s2","codes":[{"codeId":"T1.1","confidence":0.9,"rationale":"r","evidence":"I waited"}]}]}""";
        await using var fake = await StartAsync(Completion(First), Completion("not json"));

        var e = await Assert.ThrowsAsync<EngineUnavailableException>(() => Suggest(Engine(fake.Endpoint, o => o.MaxCharactersPerBatch = 100)));

        Assert.Contains("batch 2 (segment s4)", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, fake.Requests.Count);
    }

    [Fact]
    public async Task SuggestAsync_ThrottledWithRetryAfter_WaitsAndRetries()
    {
        await using var fake = await StartAsync(
            Error(429, "429", "Requests to the ChatCompletions_Create Operation have exceeded the token rate limit. Please retry after 1 second.", retryAfter: "1"),
            Completion(Good));
        var started = DateTimeOffset.UtcNow;

        var suggestions = await Suggest(Engine(fake.Endpoint));

        Assert.Equal(2, suggestions.Count);
        Assert.Equal(2, fake.Requests.Count);
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromSeconds(0.9), "the Retry-After second was not waited");
    }

    [Fact]
    public async Task SuggestAsync_ServerErrorsPersist_FailAfterTheBoundedRetries()
    {
        await using var fake = await StartAsync(Error(503, "ServiceUnavailable", "The service is temporarily unable to process your request.", retryAfter: "0"));

        var e = await Assert.ThrowsAsync<EngineUnavailableException>(() => Suggest(Engine(fake.Endpoint, o => o.MaxRetries = 1)));

        Assert.Contains("kept answering 503", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, fake.Requests.Count);
    }

    [Fact]
    public async Task SuggestAsync_KeyRefused_FailsNamingTheSetting_WithoutRetrying()
    {
        await using var fake = await StartAsync(Error(401, "401", "Access denied due to invalid subscription key or wrong API endpoint."));

        var e = await Assert.ThrowsAsync<EngineUnavailableException>(() => Suggest(Engine(fake.Endpoint)));

        Assert.Contains("Engines:AzureOpenAI:ApiKey", e.Message, StringComparison.Ordinal);
        Assert.Contains("Cognitive Services OpenAI User", e.Message, StringComparison.Ordinal);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task SuggestAsync_AnswerStoppedByTheContentFilter_FailsThatBatchClearly_WithoutAskingAgain()
    {
        await using var fake = await StartAsync(Completion("", finishReason: "content_filter"));

        var e = await Assert.ThrowsAsync<EngineUnavailableException>(() => Suggest(Engine(fake.Endpoint)));

        Assert.Contains("content filter refused batch 1", e.Message, StringComparison.Ordinal);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task SuggestAsync_PromptRefusedByTheContentFilter_FailsThatBatchClearly()
    {
        await using var fake = await StartAsync(Error(400, "content_filter",
            "The response was filtered due to the prompt triggering Azure OpenAI's content management policy."));

        var e = await Assert.ThrowsAsync<EngineUnavailableException>(() => Suggest(Engine(fake.Endpoint)));

        Assert.Contains("content filter refused batch 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuggestAsync_NotConfigured_FailsNamingTheSettings()
    {
        var e = await Assert.ThrowsAsync<EngineUnavailableException>(() => Suggest(Engine(null)));

        Assert.Contains("Engines:AzureOpenAI:Endpoint", e.Message, StringComparison.Ordinal);
        Assert.Contains("Engines:AzureOpenAI:Deployment", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuggestAsync_NoCodableSegments_SendsNothing()
    {
        await using var fake = await StartAsync(Completion(Good));

        var suggestions = await Engine(fake.Endpoint).SuggestAsync([CodingSamples.Segments[0]], CodingSamples.Codebook, CancellationToken.None);

        Assert.Empty(suggestions);
        Assert.Empty(fake.Requests);
    }
}
