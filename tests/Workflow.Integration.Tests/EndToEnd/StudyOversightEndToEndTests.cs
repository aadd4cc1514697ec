using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Workflow.Integration.Tests.Infrastructure;
using Workflow.Storage.Configuration;
using Xunit.Abstractions;

namespace Workflow.Integration.Tests.EndToEnd;

/// <summary>
/// What a study lead oversees, through the local runner's HTTP API: the audit trail of what was done
/// to the study (and that it names no participant), and agreement between coders and the machine.
/// </summary>
public class StudyOversightEndToEndTests(RunnerFixture fixture, ITestOutputHelper output) : IClassFixture<RunnerFixture>
{
    private ApiClient Api => fixture.Api;
    private static readonly TimeSpan StageTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task AuditTrail_RecordsWhatLeadsAndCodersDid_VerifiesAndHoldsNoIdentifyingText()
    {
        var study = Azurite.UniqueStudyId("audit-e2e");
        await Api.SetUpStudyAsync(study);
        await Api.AddMemberAsync(study, "coder-7", "Coder");
        await Api.AddMemberAsync(study, "lead-2", "Lead");
        const string fileName = "stuart-penhale-interview.txt";
        const string note = "Stuart Penhale asked to stop at one point";
        var fields = ApiClient.InterviewFields();
        fields["notes"] = note;
        var transcript = await File.ReadAllBytesAsync(RepositoryPaths.Sample("transcripts/interview-service-user.txt"));
        var uploaded = await ApiClient.EnsureAsync(await Api.UploadAsync(study, fileName, transcript, fields), HttpStatusCode.Accepted);
        var recordingId = uploaded.GetProperty("recordingId").GetString()!;
        var (waiting, _) = await Api.WaitForStatusAsync(recordingId, StageTimeout, "WaitingForVerification", "Failed");
        Assert.Equal("WaitingForVerification", waiting.GetProperty("status").GetString());

        // A coder decides one item with a note naming someone; a lead reads the redaction key.
        var item = await Api.ClaimAsync(study, user: "coder-7");
        var itemId = item!.Value.GetProperty("id").GetString()!;
        var isRedaction = item.Value.GetProperty("kind").GetString() is "Redaction" or "TranscriptCheck";
        await ApiClient.EnsureAsync(await Api.DecideAsync(itemId, new { action = isRedaction ? "confirm" : "accept", note = "Dean Kitto is mentioned here" }, user: "coder-7"), HttpStatusCode.OK);
        await ApiClient.EnsureAsync(await Api.SendJsonAsync(HttpMethod.Get, $"recordings/{recordingId}/redaction-key", "", user: "lead-2", roles: "Lead"), HttpStatusCode.OK);

        var page = await ApiClient.EnsureAsync(await Api.SendJsonAsync(HttpMethod.Get, $"studies/{study}/audit", "", user: "lead-2", roles: "Lead"), HttpStatusCode.OK);
        var events = page.GetProperty("events").EnumerateArray().ToList();
        // The creator became lead; the coder and the second lead were added by the administrator. A claimed
        // redaction check shows the words it hides, so it is recorded as shown before the decision.
        var shown = isRedaction ? 1 : 0;
        Assert.Equal(["StudyCreated", "MembershipChanged", "CodebookChanged", "IdentifierListChanged", "MembershipChanged", "MembershipChanged",
                "UploadAccepted", .. (isRedaction ? new[] { "RedactionShown" } : []), "DecisionRecorded", "RedactionKeyRead"],
            events.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(Enumerable.Range(1, 9 + shown).Select(i => (long)i), events.Select(e => e.GetProperty("sequence").GetInt64()));
        Assert.Equal(["local-developer", "coder-7", "lead-2"], new[] { 1, 4, 5 }.Select(i => events[i].GetProperty("targetId").GetString()));
        Assert.Equal("Coder", events[4].GetProperty("details").GetProperty("roles").GetString());
        Assert.All(events.Skip(7).Take(1 + shown), e =>
        {
            Assert.Equal("coder-7", e.GetProperty("actor").GetString());
            Assert.Equal(itemId, e.GetProperty("targetId").GetString());
        });
        Assert.Equal("lead-2", events[8 + shown].GetProperty("actor").GetString());
        Assert.Equal(recordingId, events[8 + shown].GetProperty("targetId").GetString());
        Assert.Equal("7", events[3].GetProperty("details").GetProperty("count").GetString());
        var chain = page.GetProperty("chain");
        Assert.True(chain.GetProperty("intact").GetBoolean(), chain.ToString());
        Assert.Equal(9 + shown, chain.GetProperty("headSequence").GetInt64());

        // Paging: two at a time, with a link to the next page.
        var first = await ApiClient.EnsureAsync(await Api.GetAsync($"studies/{study}/audit?max=2"), HttpStatusCode.OK);
        Assert.Equal(2, first.GetProperty("events").GetArrayLength());
        Assert.Equal($"/api/studies/{study}/audit?from=3&max=2", first.GetProperty("next").GetString());
        await ApiClient.ProblemAsync(await Api.GetAsync($"studies/{study}/audit?max=0"), HttpStatusCode.BadRequest);

        // Leads only: the trail says who looked at whose words.
        var asCoder = await Api.SendJsonAsync(HttpMethod.Get, $"studies/{study}/audit", "", user: "coder-7", roles: "Coder");
        Assert.Equal(HttpStatusCode.Forbidden, asCoder.StatusCode);

        // Verification, also through a head written down earlier; a wrong hash for it is reported.
        var head = $"sequence={chain.GetProperty("headSequence").GetInt64()}&hash={chain.GetProperty("headHash").GetString()}";
        var verified = await ApiClient.EnsureAsync(await Api.GetAsync($"studies/{study}/audit/verify?{head}"), HttpStatusCode.OK);
        Assert.True(verified.GetProperty("chain").GetProperty("intact").GetBoolean());
        var forged = await ApiClient.EnsureAsync(await Api.GetAsync($"studies/{study}/audit/verify?sequence=3&hash={new string('a', 64)}"), HttpStatusCode.OK);
        Assert.False(forged.GetProperty("chain").GetProperty("intact").GetBoolean());
        Assert.Equal(3, forged.GetProperty("chain").GetProperty("brokenAt").GetInt64());
        await ApiClient.ProblemAsync(await Api.GetAsync($"studies/{study}/audit/verify?sequence=3&hash=xyz"), HttpStatusCode.BadRequest);

        // Every stored row of the trail, as raw as the table holds it: no listed identifier, file name or note.
        var table = new TableClient(Azurite.ConnectionString, StorageNames.AuditTable);
        var raw = new StringBuilder();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {study}")))
            raw.AppendLine(JsonSerializer.Serialize(row.ToDictionary(p => p.Key, p => p.Value?.ToString())));
        var text = raw.ToString();
        Assert.Contains(recordingId, text);
        Assert.DoesNotContain(fileName, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(note, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Dean Kitto", text, StringComparison.OrdinalIgnoreCase);
        foreach (var surface in new[] { "Stuart", "Penhale", "Kitto", "Aziz", "Harbour", "Penmarrow", "Castlebridge", "Quay Street" })
            Assert.DoesNotContain(surface, text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Agreement_AfterCodersDecideTheEnginesSuggestions_CountsEveryDecisionPerCode()
    {
        var study = Azurite.UniqueStudyId("agree-e2e");
        await Api.SetUpStudyAsync(study);
        await Api.AddMemberAsync(study, "coder-7", "Coder");
        var recordingId = await Api.UploadOkAsync(study, RepositoryPaths.Sample("transcripts/interview-service-user.txt"));
        var (waiting, _) = await Api.WaitForStatusAsync(recordingId, StageTimeout, "WaitingForVerification", "Failed");
        Assert.Equal("WaitingForVerification", waiting.GetProperty("status").GetString());

        var before = await ApiClient.EnsureAsync(await Api.GetAsync($"studies/{study}/agreement"), HttpStatusCode.OK);
        Assert.Equal(0, before.GetProperty("humanMachine").GetProperty("units").GetInt32());
        Assert.True(before.GetProperty("humanMachine").GetProperty("segmentsAwaitingDecisions").GetInt32() > 0);

        // Accepts every code suggestion but every third, which it rejects.
        var (_, codes) = await Api.DecideEverythingAsync(study);
        Assert.True(codes >= 3, "the keyword coder should propose several codes for the sample transcript");
        var rejected = codes / 3;

        var after = await ApiClient.EnsureAsync(await Api.GetAsync($"studies/{study}/agreement"), HttpStatusCode.OK);
        var machine = after.GetProperty("humanMachine");
        Assert.True(machine.GetProperty("available").GetBoolean());
        Assert.Equal(0, machine.GetProperty("segmentsAwaitingDecisions").GetInt32());
        Assert.True(machine.GetProperty("units").GetInt32() > 0);
        var pooled = machine.GetProperty("pooled");
        output.WriteLine($"units {machine.GetProperty("units")}, pooled {pooled}");
        // Coders only accepted or rejected here: every code they kept is the engine's, and every rejection is a machine-only code.
        Assert.Equal(codes - rejected, pooled.GetProperty("bothApplied").GetInt32());
        Assert.Equal(rejected, pooled.GetProperty("onlySecondApplied").GetInt32());
        Assert.Equal(0, pooled.GetProperty("onlyFirstApplied").GetInt32());
        var perCode = machine.GetProperty("perCode").EnumerateArray().ToList();
        Assert.Equal(codes, perCode.Sum(r => r.GetProperty("bothApplied").GetInt32() + r.GetProperty("onlySecondApplied").GetInt32()));
        Assert.All(perCode, r => Assert.Equal(machine.GetProperty("units").GetInt32(), r.GetProperty("units").GetInt32()));
        // The sample is small: most codes are too rare for kappa, and say so.
        Assert.Contains(perCode, r => r.TryGetProperty("warning", out var w) && w.GetString()!.StartsWith("Too rare", StringComparison.Ordinal));

        var humans = after.GetProperty("humanHuman");
        Assert.False(humans.GetProperty("available").GetBoolean());
        Assert.Equal(0, humans.GetProperty("perCode").GetArrayLength());
        Assert.Contains("coded by two coders", humans.GetProperty("basis").GetString());

        var asCoder = await Api.SendJsonAsync(HttpMethod.Get, $"studies/{study}/agreement", "", user: "coder-7", roles: "Coder");
        Assert.Equal(HttpStatusCode.Forbidden, asCoder.StatusCode);
    }
}
