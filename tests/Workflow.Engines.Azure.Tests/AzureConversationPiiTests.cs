using System.Text.Json.Nodes;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Ports;
using Workflow.Domain.Transcripts;
using Workflow.Tests.Shared;
using static Workflow.Engines.Azure.Tests.AzureLanguagePiiEngineTests;
using Reply = Workflow.Engines.Azure.Tests.FakeLanguageService.Reply;

namespace Workflow.Engines.Azure.Tests;

/// <summary>The conversation PII job (Engines:AzureLanguage:Analysis = Conversation) against the fake service.</summary>
public class AzureConversationPiiTests
{
    private static readonly (string, string)[] Conversation = [("Engines:AzureLanguage:Analysis", "Conversation"), ("Engines:AzureLanguage:JobPollInterval", "00:00:00.05")];

    private static IDeidentificationEngine Engine(Microsoft.Extensions.DependencyInjection.ServiceProvider sp) => AzureLanguagePiiEngineTests.Azure(sp);

    private static Reply Accepted(string job = "job-1") => new(202, "", JobId: job);

    private static Reply Running => new(200, """{"jobId":"job-1","status":"running","errors":[],"tasks":{"completed":0,"failed":0,"inProgress":1,"total":1,"items":[]}}""");

    /// <summary>A finished job in the service's shape, with each item's entities.</summary>
    private static Reply Succeeded(params (string Id, (string Text, string Category, int Offset, double Score)[] Entities)[] items) => new(200, new JsonObject
    {
        ["jobId"] = "job-1",
        ["status"] = "succeeded",
        ["errors"] = new JsonArray(),
        ["tasks"] = new JsonObject
        {
            ["completed"] = 1, ["failed"] = 0, ["inProgress"] = 0, ["total"] = 1,
            ["items"] = new JsonArray(new JsonObject
            {
                ["kind"] = "conversationalPIIResults",
                ["taskName"] = "pii",
                ["status"] = "succeeded",
                ["results"] = new JsonObject
                {
                    ["conversations"] = new JsonArray(new JsonObject
                    {
                        ["id"] = "1",
                        ["conversationItems"] = new JsonArray([.. items.Select(i => (JsonNode)new JsonObject
                        {
                            ["id"] = i.Id,
                            ["redactedContent"] = new JsonObject { ["text"] = "" },
                            ["entities"] = new JsonArray([.. i.Entities.Select(e => (JsonNode)new JsonObject
                            {
                                ["text"] = e.Text, ["category"] = e.Category, ["offset"] = e.Offset, ["length"] = e.Text.Length, ["confidenceScore"] = e.Score,
                            })]),
                        })]),
                        ["warnings"] = new JsonArray(),
                    }),
                    ["errors"] = new JsonArray(),
                    ["modelVersion"] = "2024-11-01",
                },
            }),
        },
    }.ToJsonString());

    private static Transcript Dialogue(params (string Speaker, string Text)[] turns) =>
        new("r1", "test", turns.Select((t, i) => Utterance.Untimed(i, t.Speaker, t.Text)).ToList());

    [Fact]
    public async Task TheTranscript_GoesAsOneConversationOfNumberedSpeakers_AndEntitiesLandInTheirTurns()
    {
        var transcript = Dialogue(("Interviewer", "Who helped you?"), ("Kelly", "My mate Dazza, and Jo at the Crossways."), ("Interviewer", "Jo is your keyworker?"));
        await using var fake = await FakeLanguageService.StartAsync(Accepted(), Running, Succeeded(
            ("0-0", []), ("1-0", [("Dazza", "Name", 8, 0.93), ("Jo", "Name", 19, 0.88), ("Crossways", "Organization", 29, 0.7)]), ("2-0", [("Jo", "Name", 0, 0.9)])));
        using var sp = Services(fake.Endpoint, Conversation);

        var findings = await Engine(sp).FindAsync(transcript, NoList, default);

        Assert.Equal([(1, "Dazza", IdentifierKind.Person), (1, "Jo", IdentifierKind.Person), (1, "Crossways", IdentifierKind.Organization), (2, "Jo", IdentifierKind.Person)],
            findings.Select(f => (f.UtteranceIndex, transcript.Utterances[f.UtteranceIndex].Text[f.Start..f.End], f.Kind)));
        Assert.Equal("azure-language/Name", findings[0].Recognizer);

        var requests = fake.Requests.ToArray();
        Assert.Equal(["POST", "GET", "GET"], requests.Select(r => r.Method));
        Assert.Equal("/language/analyze-conversations/jobs?api-version=2024-11-01", requests[0].PathAndQuery);
        Assert.Equal("/language/analyze-conversations/jobs/job-1?api-version=2024-11-01", requests[1].PathAndQuery);
        Assert.All(requests, r => Assert.Equal("test-key", r.Key));
        var body = requests[0].Body!;
        Assert.Equal("ConversationalPIITask", body["tasks"]![0]!["kind"]!.GetValue<string>());
        var conversation = Assert.Single(body["analysisInput"]!["conversations"]!.AsArray())!;
        Assert.Equal("text", conversation["modality"]!.GetValue<string>());
        var items = conversation["conversationItems"]!.AsArray();
        // Speakers by number, never by label: "Kelly" is a name.
        Assert.Equal(["1", "2", "1"], items.Select(i => i!["participantId"]!.GetValue<string>()));
        Assert.DoesNotContain("Kelly", conversation["conversationItems"]!.ToJsonString().Replace("My mate", ""));
        Assert.Equal(transcript.Utterances.Select(u => u.Text), items.Select(i => i!["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ALongTranscript_IsSentAsSeveralConversations_CutBetweenTurns()
    {
        var turns = Enumerable.Range(0, 6).Select(i => ("P1", $"Turn {i} " + new string('x', 120))).ToArray();
        await using var fake = await FakeLanguageService.StartAsync(
            Accepted(), Succeeded(("0-0", []), ("1-0", []), ("2-0", [])), Accepted(), Succeeded(("3-0", []), ("4-0", []), ("5-0", [("Turn", "Name", 0, 0.9)])));
        using var sp = Services(fake.Endpoint, [.. Conversation, ("Engines:AzureLanguage:MaxCharactersPerConversation", "400"), ("Engines:AzureLanguage:MaxCharactersPerDocument", "200")]);

        var findings = await Engine(sp).FindAsync(Dialogue(turns), NoList, default);

        var submitted = fake.Requests.Where(r => r.Method == "POST").Select(r => r.Body!["analysisInput"]!["conversations"]![0]!["conversationItems"]!.AsArray().Count).ToArray();
        Assert.Equal([3, 3], submitted);
        Assert.Equal(5, Assert.Single(findings).UtteranceIndex);
    }

    [Fact]
    public async Task AFailedJob_FailsTheStage_WithItsErrorCode_AndWithoutTheText()
    {
        await using var fake = await FakeLanguageService.StartAsync(Accepted(),
            new Reply(200, """{"jobId":"job-1","status":"failed","errors":[{"code":"InvalidRequest","message":"Kelly is too long"}],"tasks":{"items":[]}}"""));
        using var sp = Services(fake.Endpoint, Conversation);

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => Engine(sp).FindAsync(Dialogue(("P1", "Kelly rang.")), NoList, default));

        Assert.Contains("ended 'failed' (InvalidRequest)", error.Message);
        Assert.DoesNotContain("Kelly", error.Message);
    }

    [Fact]
    public async Task AJobThatNeverEnds_FailsTheStage_AfterTheTimeout_NamingTheSetting()
    {
        await using var fake = await FakeLanguageService.StartAsync(Accepted(), Running);
        using var sp = Services(fake.Endpoint, [.. Conversation, ("Engines:AzureLanguage:JobTimeout", "00:00:00.5")]);

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => Engine(sp).FindAsync(Dialogue(("P1", "Kelly rang.")), NoList, default));

        Assert.Contains("Engines:AzureLanguage:JobTimeout", error.Message);
        Assert.InRange(fake.Requests.Count(r => r.Method == "GET"), 2, 20);
    }

    [Fact]
    public async Task ThrottledSubmission_IsRetried_AndRefusedCredentials_AreNot()
    {
        await using (var fake = await FakeLanguageService.StartAsync(new Reply(429, """{"error":{"code":"429"}}""", RetryAfter: "0"), Accepted(), Succeeded(("0-0", [("Kelly", "Name", 0, 0.9)]))))
        {
            using var sp = Services(fake.Endpoint, Conversation);
            Assert.Single(await Engine(sp).FindAsync(Dialogue(("P1", "Kelly rang.")), NoList, default));
            Assert.Equal(["POST", "POST", "GET"], fake.Requests.Select(r => r.Method));
        }
        await using (var fake = await FakeLanguageService.StartAsync(new Reply(401, """{"error":{"code":"401","message":"Access denied"}}""")))
        {
            using var sp = Services(fake.Endpoint, Conversation);
            var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => Engine(sp).FindAsync(Dialogue(("P1", "Kelly rang.")), NoList, default));
            Assert.Contains("refused the credentials (401)", error.Message);
            Assert.Single(fake.Requests);
        }
    }

    [Theory]
    [InlineData(202, "", false)] // accepted, but nowhere to follow the job
    [InlineData(200, "not json", true)]
    [InlineData(200, """{"status":"succeeded","tasks":{"items":[]}}""", true)]
    [InlineData(200, """{"status":"succeeded","tasks":{"items":[{"kind":"conversationalPIIResults","results":{"conversations":[{"id":"1","conversationItems":[]}],"errors":[]}}]}}""", true)]
    [InlineData(200, """{"status":"succeeded","tasks":{"items":[{"kind":"conversationalPIIResults","results":{"conversations":[],"errors":[{"id":"1","error":{"code":"InvalidDocument"}}]}}]}}""", true)]
    public async Task UnreadableOrIncompleteAnswers_FailTheStage_WithoutQuotingTheText(int status, string body, bool asJobStatus)
    {
        Reply[] script = asJobStatus ? [Accepted(), new Reply(status, body)] : [new Reply(status, body)];
        await using var fake = await FakeLanguageService.StartAsync(script);
        using var sp = Services(fake.Endpoint, Conversation);

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => Engine(sp).FindAsync(Dialogue(("P1", "Kelly rang.")), NoList, default));

        Assert.DoesNotContain("Kelly", error.Message);
    }

    [EvalFact]
    public async Task TheRecordedConversationJob_IsRead()
    {
        // The recorded conversation PII exchange from the Azure SDK's test recordings: its turns are
        // sent, and its final answer replayed with the item ids this engine gives.
        var recording = JsonNode.Parse(await File.ReadAllTextAsync(EvalData.PathOf("formats/azure-language-pii/conversations_ConversationPII_Transcript.excerpt.json")))!;
        var sent = recording["RequestBody"]!["analysisInput"]!["conversations"]![0]!["conversationItems"]!.AsArray()
            .Select(i => (i!["participantId"]!.GetValue<string>(), i["text"]!.GetValue<string>())).ToArray();
        var answer = recording["FinalResponseBody"]!.DeepClone();
        foreach (var item in answer["tasks"]!["items"]![0]!["results"]!["conversations"]![0]!["conversationItems"]!.AsArray())
            item!["id"] = $"{int.Parse(item["id"]!.GetValue<string>()) - 1}-0";
        await using var fake = await FakeLanguageService.StartAsync(Accepted(), new Reply(200, answer.ToJsonString()));
        using var sp = Services(fake.Endpoint, Conversation);

        var transcript = Dialogue(sent);
        var findings = await Engine(sp).FindAsync(transcript, NoList, default);

        Assert.Equal([(1, "Jane"), (2, "Jane")], findings.Select(f => (f.UtteranceIndex, transcript.Utterances[f.UtteranceIndex].Text[f.Start..f.End])));
        Assert.All(findings, f => Assert.Equal(IdentifierKind.Person, f.Kind));
    }
}
