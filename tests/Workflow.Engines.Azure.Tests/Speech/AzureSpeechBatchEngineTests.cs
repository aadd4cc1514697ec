using System.Text.Json.Nodes;
using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workflow.Composition;
using Workflow.Domain.Ports;
using Workflow.Domain.Studies;
using Workflow.Engines.Azure.Speech;
using Workflow.Engines.Local;

namespace Workflow.Engines.Azure.Tests.Speech;

/// <summary>The batch transcription engine against the fake Speech endpoint: each REST step, its errors and the one-call path.</summary>
public class AzureSpeechBatchEngineTests
{
    private static readonly string FocusGroupResult = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Speech", "Recorded", "focus-group-three-speakers.json"));

    private static ServiceProvider Services(Uri endpoint, params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Engines:AzureSpeech:Endpoint"] = endpoint.ToString(),
            ["Engines:AzureSpeech:ApiKey"] = "test-key",
            ["Engines:AzureSpeech:FirstCheck"] = "00:00:00.050",
            ["Engines:AzureSpeech:LongestCheckInterval"] = "00:00:00.200",
        };
        foreach (var (k, v) in more) settings[k] = v;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IWorkArea>(new WorkArea(Path.GetTempPath()));
        services.AddLocalEngines(configuration).AddAzureEngines(configuration).AddEngineSelection(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    private static IBatchTranscriptionEngine Batch(ServiceProvider sp) =>
        Assert.IsAssignableFrom<IBatchTranscriptionEngine>(sp.GetRequiredKeyedService<ITranscriptionEngine>("azure-speech"));

    private static readonly BatchTranscriptionRequest FocusGroup = new("rec-0001 first-pass", "en-GB", 5);

    [Fact]
    public async Task Submit_AsksForDiarizationWithTheSpeakerCount_WordTimes_TheLocale_AndATimeToLive_ReadingTheAudioByUrl()
    {
        await using var fake = await FakeSpeechService.StartAsync();
        using var sp = Services(fake.Endpoint);
        var audio = new TestAudio();

        var jobId = await Batch(sp).SubmitAsync(audio, FocusGroup, default);

        Assert.True(Guid.TryParse(jobId, out _));
        var submit = Assert.Single(fake.Requests, r => r.Method == "POST");
        Assert.Equal("/speechtotext/transcriptions:submit?api-version=2024-11-15", submit.PathAndQuery);
        Assert.Equal("test-key", submit.Key);
        var body = submit.Body!;
        Assert.Equal([TestAudio.ReadUrl.AbsoluteUri], body["contentUrls"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.Equal("en-GB", body["locale"]!.GetValue<string>());
        Assert.Equal("qualitative-workflow rec-0001 first-pass", body["displayName"]!.GetValue<string>());
        var properties = body["properties"]!;
        Assert.True(properties["diarization"]!["enabled"]!.GetValue<bool>());
        Assert.Equal(5, properties["diarization"]!["maxSpeakers"]!.GetValue<int>());
        Assert.True(properties["wordLevelTimestampsEnabled"]!.GetValue<bool>());
        Assert.Equal(12, properties["timeToLiveHours"]!.GetValue<int>());
        Assert.Equal("None", properties["profanityFilterMode"]!.GetValue<string>());
        Assert.Equal(TimeSpan.FromHours(2), audio.Lifetime);
    }

    [Fact]
    public async Task Submit_Retried_FindsTheJobItSubmitted_AndStartsNoSecondOne()
    {
        await using var fake = await FakeSpeechService.StartAsync();
        using var sp = Services(fake.Endpoint);
        var audio = new TestAudio();

        var first = await Batch(sp).SubmitAsync(audio, FocusGroup, default);
        var again = await Batch(sp).SubmitAsync(audio, FocusGroup, default);
        var otherRun = await Batch(sp).SubmitAsync(audio, FocusGroup with { JobKey = "rec-0001 batch-2" }, default);

        Assert.Equal(first, again);
        Assert.NotEqual(first, otherRun);
        Assert.Equal(2, fake.JobCount);
        Assert.Equal(2, audio.ReadUrlRequests);
        Assert.Contains(fake.Requests, r => r.Method == "GET" && r.PathAndQuery.Contains("filter=displayName%20eq%20%27qualitative-workflow%20rec-0001%20first-pass%27", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en-US", null, "en-US", 2)]
    [InlineData("English", 2, "en-GB", 2)]
    [InlineData(null, 40, "en-GB", 35)]
    public async Task Submit_UsesTheRecordingsLocaleWhenItIsOne_AndKeepsTheSpeakerHintInTheServicesRange(string? language, int? speakers, string locale, int maxSpeakers)
    {
        await using var fake = await FakeSpeechService.StartAsync();
        using var sp = Services(fake.Endpoint);

        await Batch(sp).SubmitAsync(new TestAudio(), new BatchTranscriptionRequest("k", language, speakers), default);

        var body = fake.Requests.Single(r => r.Method == "POST").Body!;
        Assert.Equal(locale, body["locale"]!.GetValue<string>());
        Assert.Equal(maxSpeakers, body["properties"]!["diarization"]!["maxSpeakers"]!.GetValue<int>());
    }

    [Fact]
    public async Task Status_FollowsTheJob_FromNotStartedToSucceeded_PassingOnRetryAfter()
    {
        await using var fake = await FakeSpeechService.StartAsync();
        fake.RunningRetryAfter = "20";
        using var sp = Services(fake.Endpoint);
        var jobId = await Batch(sp).SubmitAsync(new TestAudio(), FocusGroup, default);

        var states = new List<BatchJobStatus>();
        for (var i = 0; i < 3; i++) states.Add(await Batch(sp).GetStatusAsync(jobId, default));

        Assert.Equal([BatchJobState.Running, BatchJobState.Running, BatchJobState.Succeeded], states.Select(s => s.State));
        Assert.Equal(TimeSpan.FromSeconds(20), states[0].RetryAfter);
        Assert.Contains(fake.Requests, r => r.PathAndQuery == $"/speechtotext/transcriptions/{jobId}?api-version=2024-11-15");
    }

    [Fact]
    public async Task AFailedJob_ReportsTheServicesReason_WithoutAnyUrl()
    {
        await using var fake = await FakeSpeechService.StartAsync();
        fake.Statuses = ["Running", "Failed"];
        fake.Failure = ("InvalidData", $"Failed to download the audio from {TestAudio.ReadUrl}: the file is not a supported audio format.");
        using var sp = Services(fake.Endpoint);
        var jobId = await Batch(sp).SubmitAsync(new TestAudio(), FocusGroup, default);

        await Batch(sp).GetStatusAsync(jobId, default);
        var failed = await Batch(sp).GetStatusAsync(jobId, default);

        Assert.Equal(BatchJobState.Failed, failed.State);
        Assert.Contains("InvalidData", failed.Error);
        Assert.Contains("not a supported audio format", failed.Error);
        Assert.DoesNotContain("sig=", failed.Error);
        Assert.DoesNotContain("blob.core.windows.net", failed.Error);
    }

    [Theory]
    [InlineData(401, """{"error":{"code":"401","message":"Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource."}}""")]
    [InlineData(403, """{"code":"Forbidden","message":"The principal does not have the permission to create transcriptions."}""")]
    public async Task RefusedCredentials_FailWithTheSettingsToCheck_AndAreNotBusy(int status, string body)
    {
        await using var fake = await FakeSpeechService.StartAsync();
        fake.Injections.Enqueue(new FakeSpeechService.Injected("GET", "/speechtotext/transcriptions", status, body));
        using var sp = Services(fake.Endpoint);

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => Batch(sp).SubmitAsync(new TestAudio(), FocusGroup, default));

        Assert.Contains($"refused the credentials ({status})", error.Message);
        Assert.Contains("Engines:AzureSpeech:ApiKey", error.Message);
        Assert.Contains("Cognitive Services Speech Contributor", error.Message);
        Assert.Equal(0, fake.JobCount);
    }

    [Fact]
    public async Task Throttling_IsReportedAsBusy_WithTheServicesRetryAfter_AndServerErrorsLikewise()
    {
        await using var fake = await FakeSpeechService.StartAsync();
        using var sp = Services(fake.Endpoint);
        var jobId = await Batch(sp).SubmitAsync(new TestAudio(), FocusGroup, default);
        fake.Injections.Enqueue(new FakeSpeechService.Injected("GET", jobId, 429, """{"code":"TooManyRequests","message":"Rate limit is exceeded. Try again in 7 seconds."}""", RetryAfter: "7"));
        fake.Injections.Enqueue(new FakeSpeechService.Injected("GET", jobId, 503, """{"code":"ServiceUnavailable","message":"The service is temporarily unavailable."}"""));

        var throttled = await Assert.ThrowsAsync<EngineBusyException>(() => Batch(sp).GetStatusAsync(jobId, default));
        var unavailable = await Assert.ThrowsAsync<EngineBusyException>(() => Batch(sp).GetStatusAsync(jobId, default));
        var then = await Batch(sp).GetStatusAsync(jobId, default);

        Assert.Equal(TimeSpan.FromSeconds(7), throttled.RetryAfter);
        Assert.Null(unavailable.RetryAfter);
        Assert.Equal(BatchJobState.Running, then.State);
    }

    [Fact]
    public async Task ThrottlingAtSubmit_IsBusyWithRetryAfter_AndNoJobIsCreated()
    {
        await using var fake = await FakeSpeechService.StartAsync();
        fake.Injections.Enqueue(new FakeSpeechService.Injected("POST", "transcriptions:submit", 429, """{"code":"TooManyRequests","message":"Too many requests."}""", RetryAfter: "30"));
        using var sp = Services(fake.Endpoint);

        var busy = await Assert.ThrowsAsync<EngineBusyException>(() => Batch(sp).SubmitAsync(new TestAudio(), FocusGroup, default));
        Assert.Equal(TimeSpan.FromSeconds(30), busy.RetryAfter);
        Assert.Equal(0, fake.JobCount);

        var jobId = await Batch(sp).SubmitAsync(new TestAudio(), FocusGroup, default);
        Assert.Equal(1, fake.JobCount);
        Assert.False(string.IsNullOrEmpty(jobId));
    }

    [Fact]
    public async Task TheResult_IsFoundAmongTheJobsFiles_DownloadedWithoutTheKey_AndMapped()
    {
        await using var fake = await FakeSpeechService.StartAsync();
        fake.ResultJson = FocusGroupResult;
        using var sp = Services(fake.Endpoint);
        var jobId = await Batch(sp).SubmitAsync(new TestAudio(), FocusGroup, default);

        var transcript = await Batch(sp).GetResultAsync(jobId, "rec-0001", default);

        Assert.Equal("azure-speech-batch", transcript.Source);
        Assert.Equal(["Speaker 1", "Speaker 2", "Speaker 3"], transcript.Speakers);
        Assert.Equal(4, transcript.Utterances.Count);
        var download = Assert.Single(fake.Requests, r => r.PathAndQuery.StartsWith("/results/", StringComparison.Ordinal));
        Assert.Contains("contenturl_0.json?", download.PathAndQuery);
        Assert.Null(download.Key);
        Assert.Null(download.Authorization);
    }

    [Fact]
    public async Task ASucceededJobWithoutAResultFile_FailsClearly()
    {
        await using var fake = await FakeSpeechService.StartAsync();
        fake.ResultJson = null;
        using var sp = Services(fake.Endpoint);
        var jobId = await Batch(sp).SubmitAsync(new TestAudio(), FocusGroup, default);

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => Batch(sp).GetResultAsync(jobId, "rec-0001", default));

        Assert.Contains("listed no transcription result file", error.Message);
        Assert.Contains(jobId, error.Message);
    }

    [Fact]
    public async Task AResultFileThatIsGone_FailsClearly()
    {
        await using var fake = await FakeSpeechService.StartAsync();
        fake.ResultJson = FocusGroupResult;
        fake.ResultGone = true;
        using var sp = Services(fake.Endpoint);
        var jobId = await Batch(sp).SubmitAsync(new TestAudio(), FocusGroup, default);

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => Batch(sp).GetResultAsync(jobId, "rec-0001", default));

        Assert.Contains("could not be downloaded", error.Message);
    }

    [Fact]
    public async Task Delete_RemovesTheJob_AndDeletingAgainIsFine()
    {
        await using var fake = await FakeSpeechService.StartAsync();
        using var sp = Services(fake.Endpoint);
        var jobId = await Batch(sp).SubmitAsync(new TestAudio(), FocusGroup, default);

        await Batch(sp).DeleteAsync(jobId, default);
        await Batch(sp).DeleteAsync(jobId, default);

        Assert.True(fake.IsDeleted(jobId));
        Assert.Equal(2, fake.Requests.Count(r => r.Method == "DELETE" && r.PathAndQuery == $"/speechtotext/transcriptions/{jobId}?api-version=2024-11-15"));
        var gone = await Assert.ThrowsAsync<EngineUnavailableException>(() => Batch(sp).GetStatusAsync(jobId, default));
        Assert.Contains("no longer has transcription job", gone.Message);
    }

    [Fact]
    public async Task WithoutAnEndpoint_TheStageFails_NamingTheSettings()
    {
        using var sp = Services(new Uri("http://127.0.0.1:9/"), ("Engines:AzureSpeech:Endpoint", ""));

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => Batch(sp).SubmitAsync(new TestAudio(), FocusGroup, default));

        Assert.Contains("Engines:AzureSpeech:Endpoint", error.Message);
        Assert.Contains("Engines:AzureSpeech:ApiKey", error.Message);
    }

    [Fact]
    public async Task WithoutAKey_ABearerTokenForCognitiveServicesIsSent()
    {
        await using var fake = await FakeSpeechService.StartAsync();
        var credential = new RecordingCredential();
        var client = new AzureSpeechBatchClient(new HttpClient(), Options.Create(new AzureSpeechOptions { Endpoint = fake.Endpoint }), credential);

        await client.FindAsync("qualitative-workflow rec-0001 first-pass", default);

        Assert.Equal("Bearer token-for-speech", fake.Requests.Single().Authorization);
        Assert.Null(fake.Requests.Single().Key);
        Assert.Equal(["https://cognitiveservices.azure.com/.default"], credential.Scopes);
    }

    [Fact]
    public async Task TheOneCallPath_SubmitsWaitsFetchesAndDeletes()
    {
        await using var fake = await FakeSpeechService.StartAsync();
        fake.ResultJson = FocusGroupResult;
        using var sp = Services(fake.Endpoint);

        var transcript = await sp.GetRequiredKeyedService<ITranscriptionEngine>("azure-speech").TranscribeAsync(new TestAudio(), TranscriptionRequest.ForLanguage("en-GB"), default);

        Assert.Equal(4, transcript.Utterances.Count);
        Assert.Single(fake.Requests, r => r.Method == "DELETE");
        Assert.Equal(3, fake.Requests.Count(r => r.Method == "GET" && r.PathAndQuery.StartsWith("/speechtotext/transcriptions/", StringComparison.Ordinal) && !r.PathAndQuery.Contains("/files")));
    }

    [Fact]
    public void AStudyThatDoesNotAllowCloud_NeverGetsTheSpeechEngine()
    {
        using var sp = Services(new Uri("http://127.0.0.1:9/"));
        var selection = sp.GetRequiredService<EngineSelection>();
        var local = new Study("s1", "S", [], DateTimeOffset.UnixEpoch) { Engines = new StudyEngineSettings(Transcription: "azure-speech") };

        var error = Assert.Throws<EngineUnavailableException>(() => selection.Transcription(local));

        Assert.Contains("does not allow cloud engines", error.Message);
        Assert.Contains("azure-speech", selection.Available(EngineStage.Transcription).Where(d => d.IsCloud).Select(d => d.Key));
        Assert.IsAssignableFrom<IBatchTranscriptionEngine>(selection.Transcription(local with { Engines = local.Engines! with { AllowCloudEngines = true } }));
    }

    private sealed class RecordingCredential : TokenCredential
    {
        public string[] Scopes { get; private set; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes = requestContext.Scopes;
            return new AccessToken("token-for-speech", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
