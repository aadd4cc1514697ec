using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Composition;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Ports;
using Workflow.Domain.Studies;
using Workflow.Domain.Transcripts;
using Workflow.Engines.Local;
using Workflow.Tests.Shared;

namespace Workflow.Engines.Azure.Tests;

public class AzureLanguagePiiEngineTests
{
    internal static readonly StudyIdentifierList NoList = StudyIdentifierList.Empty("s1");

    /// <summary>An analyze-text answer in the service's current shape for the given documents' entities.</summary>
    private static string AnalyzeTextAnswer(params (string Id, (string Text, string Category, int Offset, double Score)[] Entities)[] documents) =>
        new JsonObject
        {
            ["kind"] = "PiiEntityRecognitionResults",
            ["results"] = new JsonObject
            {
                ["documents"] = new JsonArray([.. documents.Select(d => (JsonNode)new JsonObject
                {
                    ["id"] = d.Id,
                    ["redactedText"] = "",
                    ["entities"] = new JsonArray([.. d.Entities.Select(e => (JsonNode)new JsonObject
                    {
                        ["text"] = e.Text, ["category"] = e.Category, ["offset"] = e.Offset, ["length"] = e.Text.Length, ["confidenceScore"] = e.Score,
                    })]),
                    ["warnings"] = new JsonArray(),
                })]),
                ["errors"] = new JsonArray(),
                ["modelVersion"] = "2024-04-15",
            },
        }.ToJsonString();

    internal static ServiceProvider Services(Uri endpoint, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Engines:AzureLanguage:Endpoint"] = endpoint.ToString(),
            ["Engines:AzureLanguage:ApiKey"] = "test-key",
            ["Engines:AzureLanguage:MaxRetryDelay"] = "00:00:02",
            ["Engines:Deidentification"] = "rules,azure-language",
        };
        foreach (var (k, v) in more) settings[k] = v;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IWorkArea>(new WorkArea(Path.GetTempPath()));
        services.AddLocalEngines(configuration).AddAzureEngines(configuration).AddEngineSelection(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    internal static IDeidentificationEngine Azure(ServiceProvider sp) => sp.GetRequiredKeyedService<IDeidentificationEngine>("azure-language");

    private static Transcript Of(params string[] texts) =>
        new("r1", "test", texts.Select((t, i) => Utterance.Untimed(i, "P1", t)).ToList());

    [Fact]
    public async Task Findings_MapCategoriesToKinds_WithOffsetsInTheUtterance_AndTheDetectorNamed()
    {
        const string text = "Ring Kelly on 0191 498 0433 at the Crossways Centre.";
        await using var fake = await FakeLanguageService.StartAsync(new FakeLanguageService.Reply(200, AnalyzeTextAnswer(("0-0",
            [("Kelly", "Person", 5, 0.98), ("0191 498 0433", "PhoneNumber", 14, 0.8), ("Crossways Centre", "Organization", 35, 0.91), ("keyworker", "PersonType", 0, 0.9), ("at", "Person", 28, 0.1)]))));
        using var sp = Services(fake.Endpoint);

        var findings = await Azure(sp).FindAsync(Of(text), NoList, default);

        Assert.Equal([("Kelly", IdentifierKind.Person), ("0191 498 0433", IdentifierKind.Phone), ("Crossways Centre", IdentifierKind.Organization)],
            findings.Select(f => (text[f.Start..f.End], f.Kind)));
        Assert.Equal(["azure-language/Person", "azure-language/PhoneNumber", "azure-language/Organization"], findings.Select(f => f.Recognizer));
        var request = Assert.Single(fake.Requests);
        Assert.Equal("/language/:analyze-text?api-version=2024-11-01", request.PathAndQuery);
        Assert.Equal("test-key", request.Key);
        Assert.Equal("PiiEntityRecognition", request.Body!["kind"]!.GetValue<string>());
        Assert.Equal("Utf16CodeUnit", request.Body["parameters"]!["stringIndexType"]!.GetValue<string>());
        Assert.Contains("UKNationalHealthNumber", request.Body["parameters"]!["piiCategories"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public async Task LongUtterances_AreCutAtWhitespace_AndFindingsLandAtTheirPlaceInTheUtterance()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 20)) + " Kelly said so"; // 99 characters, then the name
        await using var fake = await FakeLanguageService.StartAsync(new FakeLanguageService.Reply(200, AnalyzeTextAnswer(("0-0", []), ("0-1", [("Kelly", "Person", 1, 0.9)]))));
        using var sp = Services(fake.Endpoint, ("Engines:AzureLanguage:MaxCharactersPerDocument", "100"));

        var findings = await Azure(sp).FindAsync(Of(text), NoList, default);

        var documents = fake.Requests.Single().Body!["analysisInput"]!["documents"]!.AsArray();
        Assert.True(documents.Count >= 2);
        Assert.All(documents, d => Assert.True(d!["text"]!.GetValue<string>().Length <= 100));
        Assert.Equal("Kelly", text[findings.Single().Start..findings.Single().End]);
    }

    [Fact]
    public async Task RefusedCredentials_FailTheStage_WithTheSettingToCheck_AndAreNotRetried()
    {
        await using var fake = await FakeLanguageService.StartAsync(new FakeLanguageService.Reply(401,
            """{"error":{"code":"401","message":"Access denied due to invalid subscription key or wrong API endpoint."}}"""));
        using var sp = Services(fake.Endpoint);

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => Azure(sp).FindAsync(Of("Kelly rang."), NoList, default));

        Assert.Contains("refused the credentials (401)", error.Message);
        Assert.Contains("Engines:AzureLanguage:ApiKey", error.Message);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task Throttling_IsRetriedAfterTheRetryAfterDelay()
    {
        await using var fake = await FakeLanguageService.StartAsync(
            new FakeLanguageService.Reply(429, """{"error":{"code":"429","message":"Rate limit is exceeded."}}""", RetryAfter: "1"),
            new FakeLanguageService.Reply(200, AnalyzeTextAnswer(("0-0", [("Kelly", "Person", 0, 0.9)]))));
        using var sp = Services(fake.Endpoint);

        var clock = Stopwatch.StartNew();
        var findings = await Azure(sp).FindAsync(Of("Kelly rang."), NoList, default);

        Assert.Single(findings);
        Assert.Equal(2, fake.Requests.Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed.TotalSeconds:0.00} s, before Retry-After");
    }

    [Fact]
    public async Task EndlessThrottling_FailsAfterTheBoundedRetries()
    {
        await using var fake = await FakeLanguageService.StartAsync(new FakeLanguageService.Reply(429, "{}", RetryAfter: "0"));
        using var sp = Services(fake.Endpoint, ("Engines:AzureLanguage:MaxRetries", "2"));

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => Azure(sp).FindAsync(Of("Kelly rang."), NoList, default));

        Assert.Contains("kept answering 429 after 3 attempts", error.Message);
        Assert.Equal(3, fake.Requests.Count);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"results":{"documents":[{"id":"0-0","entities":[{"text":"Kelly","category":"Person","offset":"zero"}]}]}}""")]
    [InlineData("""{"results":{"documents":[]}}""")]
    [InlineData("""{"results":{"documents":[],"errors":[{"id":"0-0","error":{"code":"InvalidDocument","message":"Document text is empty."}}]}}""")]
    public async Task UnreadableOrIncompleteAnswers_FailTheStage_WithoutQuotingTheText(string body)
    {
        await using var fake = await FakeLanguageService.StartAsync(new FakeLanguageService.Reply(200, body));
        using var sp = Services(fake.Endpoint);

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => Azure(sp).FindAsync(Of("Kelly rang."), NoList, default));

        Assert.DoesNotContain("Kelly", error.Message);
    }

    [Fact]
    public async Task WithoutAnEndpoint_TheStageFails_NamingTheSetting()
    {
        using var sp = Services(new Uri("http://127.0.0.1:9/"), ("Engines:AzureLanguage:Endpoint", ""));
        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => Azure(sp).FindAsync(Of("Kelly rang."), NoList, default));
        Assert.Contains("Engines:AzureLanguage:Endpoint", error.Message);
    }

    [Fact]
    public async Task InAStudyThatAllowsCloud_ItsFindingsAreMergedWithTheLocalDetectors()
    {
        const string text = "Kelly rang from 07700 900418.";
        await using var fake = await FakeLanguageService.StartAsync(new FakeLanguageService.Reply(200, AnalyzeTextAnswer(("0-0",
            [("Kelly", "Person", 0, 0.97), ("07700 900418", "PhoneNumber", 16, 0.8)]))));
        using var sp = Services(fake.Endpoint);
        var selection = sp.GetRequiredService<EngineSelection>();

        var cloudStudy = new Study("s1", "S", [], DateTimeOffset.UnixEpoch) { Engines = new StudyEngineSettings(AllowCloudEngines: true) };
        var findings = await selection.Deidentification(cloudStudy).FindAsync(Of(text), NoList, default);
        Assert.Equal(["Kelly", "07700 900418"], findings.Select(f => text[f.Start..f.End]));
        Assert.Contains("azure-language/PhoneNumber", findings[1].Recognizer);
        Assert.Contains("rules", findings[1].Recognizer);

        var localStudy = cloudStudy with { Engines = null };
        var local = await selection.Deidentification(localStudy).FindAsync(Of(text), NoList, default);
        Assert.DoesNotContain(local, f => f.Recognizer.Contains("azure"));
        Assert.Single(fake.Requests);
    }

    [EvalFact]
    public async Task TheRecordedServiceAnswer_IsRead()
    {
        // The recorded text PII exchange from the Azure SDK's test recordings, replayed as is.
        var recording = JsonNode.Parse(await File.ReadAllTextAsync(EvalData.PathOf("formats/azure-language-pii/textanalytics_RecognizePiiEntitiesBatchTest.excerpt.json")))!;
        var sent = recording["RequestBody"]!["documents"]!.AsArray().Select(d => d!["text"]!.GetValue<string>()).ToArray();
        var renumbered = recording["ResponseBody"]!.DeepClone();
        foreach (var document in renumbered["documents"]!.AsArray()) document!["id"] = $"{int.Parse(document["id"]!.GetValue<string>()) - 1}-0";
        await using var fake = await FakeLanguageService.StartAsync(new FakeLanguageService.Reply(200, renumbered.ToJsonString()));
        using var sp = Services(fake.Endpoint);

        var findings = await Azure(sp).FindAsync(Of(sent), NoList, default);

        Assert.Contains(findings, f => f.UtteranceIndex == 0 && sent[0][f.Start..f.End] == "Microsoft" && f.Kind == IdentifierKind.Organization);
        Assert.Contains(findings, f => f.UtteranceIndex == 0 && sent[0][f.Start..f.End] == "800-102-1100" && f.Kind == IdentifierKind.Phone);
        Assert.Contains(findings, f => f.UtteranceIndex == 0 && sent[0][f.Start..f.End] == "859-98-0987" && f.Kind == IdentifierKind.OtherId);
    }
}
