using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Integration.Tests.Infrastructure;

namespace Workflow.Integration.Tests.EndToEnd;

/// <summary>
/// Study batches through the local runner's HTTP API on the real Durable backend: human decisions
/// survive re-coding and re-de-identification, only items whose basis changed go back to coders,
/// and bad or overlapping requests are refused with a reason.
/// </summary>
public class BatchReprocessEndToEndTests(RunnerFixture fixture) : IClassFixture<RunnerFixture>
{
    private ApiClient Api => fixture.Api;
    private const string StartedByItself = "system:batch";
    private static readonly TimeSpan StageTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Recode_AfterOneCodeChanged_AsksAgainOnlyAboutThatCode_AndKeepsEveryOtherDecision()
    {
        var study = Azurite.UniqueStudyId("batch-recode");
        await Api.SetUpStudyAsync(study);
        var recording = await Api.UploadOkAsync(study, RepositoryPaths.Sample("transcripts/interview-service-user.txt"));
        await WaitForAsync(recording, "WaitingForVerification");
        await Api.DecideEverythingAsync(study);
        await WaitForAsync(recording, "Completed");
        var before = await AppliedCodesAsync(recording);
        var changed = before.Values.SelectMany(c => c).GroupBy(c => c).OrderByDescending(g => g.Count()).First().Key;

        await PutCodebookWithDefinitionChangedAsync(study, changed);
        var started = await ApiClient.EnsureAsync(await StartAsync(study, new { stage = "coding", requestId = "recode-1" }), HttpStatusCode.Accepted);
        var again = await ApiClient.EnsureAsync(await StartAsync(study, new { stage = "coding", requestId = "recode-1" }), HttpStatusCode.Accepted);
        var operation = started.GetProperty("operationId").GetString()!;
        Assert.Equal(operation, again.GetProperty("operationId").GetString());
        Assert.True(again.GetProperty("alreadyStarted").GetBoolean());

        var status = await WaitForBatchAsync(started.GetProperty("statusUrl").GetString()!);
        var counts = status.GetProperty("counts");
        Assert.Equal(1, counts.GetProperty("done").GetInt32());
        Assert.Equal(0, counts.GetProperty("failed").GetInt32());
        Assert.Equal(1, counts.GetProperty("waitingForCoders").GetInt32());
        var processed = status.GetProperty("processed")[0];
        Assert.True(processed.GetProperty("carried").GetInt32() > 0, "no decision was carried over");

        // Only the changed code comes back, saying why.
        var asked = 0;
        while (await Api.ClaimAsync(study) is { } item)
        {
            Assert.Equal("CodeSuggestion", item.GetProperty("kind").GetString());
            Assert.Equal(changed, item.GetProperty("suggestion").GetProperty("codeId").GetString());
            Assert.Contains("code changed", item.GetProperty("basis").GetString());
            await ApiClient.EnsureAsync(await Api.DecideAsync(item.GetProperty("id").GetString()!, new { action = "accept" }), HttpStatusCode.OK);
            asked++;
        }
        Assert.True(asked > 0);
        await WaitForAsync(recording, "Completed");

        var after = await AppliedCodesAsync(recording);
        foreach (var (segment, codes) in before)
            Assert.Equal(codes.Where(c => c != changed).Order(), after.GetValueOrDefault(segment, []).Where(c => c != changed).Order());

        // The chain of custody: upload hash, the versions each artefact rests on, every verified code's decider.
        var custody = await ApiClient.EnsureAsync(await Api.GetAsync($"recordings/{recording}/custody"), HttpStatusCode.OK);
        Assert.Matches("^[0-9a-f]{64}$", custody.GetProperty("upload").GetProperty("sha256").GetString());
        var steps = custody.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("stage").GetString()!);
        Assert.Equal(2, steps["Coding"].GetProperty("codebookVersion").GetInt32());
        Assert.Equal(2, steps["Final"].GetProperty("codebookVersion").GetInt32());
        Assert.False(string.IsNullOrEmpty(steps["Coding"].GetProperty("engine").GetString()));
        // Each artefact names the build that made it: version and source commit.
        foreach (var stage in new[] { "Transcript", "Deidentification", "Coding" })
            Assert.Matches(@"^\d+\.\d+\.\d+.*\+[0-9a-f]{12}$", steps[stage].GetProperty("engineVersion").GetString());
        Assert.False(string.IsNullOrEmpty(steps["Deidentification"].GetProperty("engine").GetString()));
        Assert.NotEmpty(steps["Coding"].GetProperty("methods").EnumerateArray());
        Assert.NotEmpty(custody.GetProperty("verifiedCodes").EnumerateArray());
        Assert.All(custody.GetProperty("verifiedCodes").EnumerateArray(), c => Assert.False(string.IsNullOrEmpty(c.GetProperty("decidedBy").GetString())));
        var actions = custody.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToHashSet();
        Assert.Contains("UploadAccepted", actions);
        Assert.Contains("DecisionRecorded", actions);
        Assert.DoesNotContain("Penhale", custody.ToString());

        // Throughput per stage: each machine stage ended at least once, coding twice (first pass and re-code).
        var throughput = await Api.GetAsync($"studies/{study}/reports/throughput?format=csv");
        Assert.Equal(HttpStatusCode.OK, throughput.StatusCode);
        var rows = (await throughput.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Skip(1).Select(l => l.Split(',')).ToDictionary(c => c[0], c => c);
        Assert.True(int.Parse(rows["Coding"][1], CultureInfo.InvariantCulture) >= 2, string.Join(',', rows["Coding"]));
        foreach (var stage in new[] { "Ingesting", "Deidentifying", "AwaitingVerification", "Finalizing" })
            Assert.True(int.Parse(rows[stage][1], CultureInfo.InvariantCulture) >= 1, $"{stage}: {string.Join(',', rows[stage])}");
        Assert.True(double.Parse(rows["Coding"][2], CultureInfo.InvariantCulture) >= 0);
        var chart = await Api.GetAsync($"studies/{study}/reports/throughput?format=png");
        Assert.Equal("image/png", chart.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PNG", Encoding.ASCII.GetString(await chart.Content.ReadAsByteArrayAsync(), 1, 3));
        await Api.AddMemberAsync(study, "coder-1", "Coder");
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.SendJsonAsync(HttpMethod.Get, $"recordings/{recording}/custody", "", user: "coder-1", roles: "Coder")).StatusCode);

        var cancel = await Api.SendJsonAsync(HttpMethod.Post, $"studies/{study}/reprocess/{operation}/cancel", "");
        Assert.Contains("already ended", (await ApiClient.ProblemAsync(cancel, HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        var retry = await Api.SendJsonAsync(HttpMethod.Post, $"studies/{study}/reprocess/{operation}/retry", "");
        Assert.Contains("no failed recordings", (await ApiClient.ProblemAsync(retry, HttpStatusCode.Conflict)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task APlaceJoiningTheList_StartsReDeidentification_HidesItInTheVerifiedTranscript_AndReasksOnlyChangedSegments()
    {
        var study = Azurite.UniqueStudyId("batch-deid");
        await CreateListOnlyStudyAsync(study);
        var recording = await UploadTextAsync(study, """
            Interviewer: How did you first hear about the service?

            Participant: A mate told me about it. We used to go down the Quexley Rooms every Friday and he said the waiting list was short, and the chemist was on the way.

            Interviewer: And what happened then?

            Participant: Nobody told me there was a forum. I never heard about the user group until I had been coming for a year, and then they asked me to be the rep on the panel.
            """);
        await WaitForAsync(recording, "WaitingForVerification");
        await Api.DecideEverythingAsync(study);
        await WaitForAsync(recording, "Completed");
        Assert.Contains("Quexley", await FinalTextAsync(recording));

        var list = new JsonArray(JsonNode.Parse(File.ReadAllText(RepositoryPaths.Sample("identifiers.json")))!.AsArray().Select(n => n!.DeepClone()).ToArray());
        list.Add(new JsonObject { ["text"] = "Quexley Rooms", ["kind"] = "Location", ["aliases"] = new JsonArray("Quexley") });
        // Saving the list is enough: it starts the study's de-identification batch itself.
        var changed = await ApiClient.EnsureAsync(await Api.SendJsonAsync(HttpMethod.Put, $"studies/{study}/identifiers", new JsonObject { ["identifiers"] = list }.ToJsonString()), HttpStatusCode.OK);
        var reprocess = changed.GetProperty("reprocess");
        Assert.True(reprocess.GetProperty("started").GetBoolean(), reprocess.ToString());
        var status = await WaitForBatchAsync(reprocess.GetProperty("statusUrl").GetString()!);
        Assert.Equal(1, status.GetProperty("counts").GetProperty("done").GetInt32());
        Assert.Equal("Deidentification", status.GetProperty("stage").GetString());

        while (await Api.ClaimAsync(study) is { } item)
        {
            // Only the turn that now holds a label changed; the other turn's decisions were kept.
            Assert.Contains("[", item.GetProperty("context").GetString());
            Assert.Contains("text changed", item.GetProperty("basis").GetString());
            await ApiClient.EnsureAsync(await Api.DecideAsync(item.GetProperty("id").GetString()!, new { action = "accept" }), HttpStatusCode.OK);
        }
        await WaitForAsync(recording, "Completed");
        var text = await FinalTextAsync(recording);
        Assert.DoesNotContain("Quexley", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("[LOCATION_", text);

        // A lead making several edits in a row can hold the batch back.
        var held = await ApiClient.EnsureAsync(await Api.SendJsonAsync(HttpMethod.Put, $"studies/{study}/identifiers?reprocess=none", new JsonObject { ["identifiers"] = list.DeepClone() }.ToJsonString()), HttpStatusCode.OK);
        Assert.False(held.GetProperty("reprocess").GetProperty("started").GetBoolean());
        Assert.Contains("reprocess=none", held.GetProperty("reprocess").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task ACoderMarksAMissedPlace_ItJoinsTheList_AndTheTranscriptIsDeidentifiedAgainBeforeItIsVerified()
    {
        var study = Azurite.UniqueStudyId("batch-missed");
        await CreateListOnlyStudyAsync(study);
        await Api.AddMemberAsync(study, "coder-missed", "Coder");
        await Api.AddMemberAsync(study, "interviewer-missed", "Interviewer");
        var recording = await UploadTextAsync(study, """
            Interviewer: Where did you meet?

            Participant: We used to go down the Quexley Rooms every Friday, and the chemist was on the way.
            """);
        await WaitForAsync(recording, "WaitingForVerification");
        var path = $"recordings/{recording}/missed-identifiers";

        // Only words the coder can see, of a known kind, from a member who codes.
        var absent = await ApiClient.ProblemAsync(await Api.SendJsonAsync(HttpMethod.Post, path, """{"text":"Kevin","kind":"Person"}""", user: "coder-missed", roles: "Coder"), HttpStatusCode.BadRequest);
        Assert.Contains("not in recording", absent.ToString());
        await ApiClient.ProblemAsync(await Api.SendJsonAsync(HttpMethod.Post, path, """{"text":"Quexley Rooms"}""", user: "coder-missed", roles: "Coder"), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.SendJsonAsync(HttpMethod.Post, path, """{"text":"Quexley Rooms","kind":"Location"}""", user: "interviewer-missed", roles: "Interviewer")).StatusCode);

        var marked = await ApiClient.EnsureAsync(await Api.SendJsonAsync(HttpMethod.Post, path, """{"text":"Quexley Rooms","kind":"Location"}""", user: "coder-missed", roles: "Coder"), HttpStatusCode.OK);
        Assert.True(marked.GetProperty("added").GetBoolean());
        Assert.Equal(1, marked.GetProperty("occurrences").GetInt32());
        Assert.DoesNotContain("Quexley", marked.ToString());
        var reprocess = marked.GetProperty("reprocess");
        Assert.True(reprocess.GetProperty("started").GetBoolean(), reprocess.ToString());
        var again = await ApiClient.EnsureAsync(await Api.SendJsonAsync(HttpMethod.Post, path, """{"text":"quexley rooms","kind":"Location"}""", user: "coder-missed", roles: "Coder"), HttpStatusCode.OK);
        Assert.False(again.GetProperty("added").GetBoolean());
        Assert.Equal(JsonValueKind.Null, again.GetProperty("reprocess").ValueKind);

        await WaitForBatchAsync(reprocess.GetProperty("statusUrl").GetString()!);
        await WaitForAsync(recording, "WaitingForVerification");
        await Api.DecideEverythingAsync(study);
        await WaitForAsync(recording, "Completed");
        var text = await FinalTextAsync(recording);
        Assert.DoesNotContain("Quexley", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("[LOCATION_", text);

        // Recorded without the words: who, which recording, the kind and the list version.
        var audit = await ApiClient.EnsureAsync(await Api.GetAsync($"studies/{study}/audit"), HttpStatusCode.OK);
        var events = audit.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("action").GetString() == "MissedIdentifierMarked").ToList();
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(("coder-missed", recording, "Location"),
            (e.GetProperty("actor").GetString(), e.GetProperty("targetId").GetString(), e.GetProperty("details").GetProperty("kind").GetString())));
        Assert.DoesNotContain("Quexley", audit.ToString());
    }

    [Fact]
    public async Task ALeadLinksTwoNamesForOnePerson_AndTheVerifiedTranscriptShowsOneLabelForBoth()
    {
        var study = Azurite.UniqueStudyId("batch-link");
        await CreateListOnlyStudyAsync(study);
        var recording = await UploadTextAsync(study, """
            Interviewer: Who helped you most?

            Participant: My keyworker, Tamsin Ferreira. Everyone calls her Tamsin. Mrs Ferreira rang the GP for me.
            """);
        // With nothing unsure and nothing to code, the recording may complete without waiting for coders.
        await Api.WaitForStatusAsync(recording, StageTimeout, "WaitingForVerification", "Completed");
        await Api.DecideEverythingAsync(study);
        await WaitForAsync(recording, "Completed");
        // Whatever the detectors made of the three ways of naming her before, the lead's link settles it.

        var links = $"studies/{study}/identifiers/links";
        var bad = await ApiClient.ProblemAsync(await Api.SendJsonAsync(HttpMethod.Post, links, """{"texts":["Tamsin"],"kind":"Person"}"""), HttpStatusCode.BadRequest);
        Assert.Contains("at least two", bad.ToString());
        var linked = await ApiClient.EnsureAsync(await Api.SendJsonAsync(HttpMethod.Post, links,
            """{"texts":["Tamsin Ferreira","Tamsin","Mrs Ferreira"],"kind":"Person"}"""), HttpStatusCode.OK);
        Assert.True(linked.GetProperty("changed").GetBoolean());
        Assert.Equal(3, linked.GetProperty("surfaces").GetInt32());
        Assert.DoesNotContain("Tamsin", linked.ToString());
        var reprocess = linked.GetProperty("reprocess");
        Assert.True(reprocess.GetProperty("started").GetBoolean(), reprocess.ToString());
        await WaitForBatchAsync(reprocess.GetProperty("statusUrl").GetString()!);
        while (await Api.ClaimAsync(study) is { } item)
            await ApiClient.EnsureAsync(await Api.DecideAsync(item.GetProperty("id").GetString()!,
                item.GetProperty("kind").GetString() is "Redaction" or "TranscriptCheck" ? new { action = "confirm" } : new { action = "accept" }), HttpStatusCode.OK);
        await WaitForAsync(recording, "Completed");

        // One person, one label: the three ways of naming her now carry the same pseudonym.
        var after = await FinalTextAsync(recording);
        Assert.DoesNotContain("Tamsin", after);
        Assert.DoesNotContain("Ferreira", after);
        var labels = System.Text.RegularExpressions.Regex.Matches(after, @"\[PERSON_\d+\]").Select(m => m.Value).ToList();
        Assert.Equal(3, labels.Count);
        Assert.Single(labels.Distinct());
        // Linking again changes nothing, and names the pseudonym the entity now carries.
        var again = await ApiClient.EnsureAsync(await Api.SendJsonAsync(HttpMethod.Post, links, """{"texts":["tamsin","Tamsin Ferreira"],"kind":"Person"}"""), HttpStatusCode.OK);
        Assert.False(again.GetProperty("changed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, again.GetProperty("reprocess").ValueKind);
        Assert.Equal(labels[0], again.GetProperty("label").GetString());
    }

    [Fact]
    public async Task Start_BadRequests_AreRefusedWithReasons_AndASecondBatchWaitsForTheFirst()
    {
        var study = Azurite.UniqueStudyId("batch-bad");
        await Api.SetUpStudyAsync(study);

        var unknown = await ApiClient.ProblemAsync(await StartAsync(study, new { scope = new { recordings = new[] { "rec-nope" } } }), HttpStatusCode.BadRequest);
        Assert.Contains("rec-nope", unknown.ToString());
        var site = await ApiClient.ProblemAsync(await StartAsync(study, new { scope = new { sites = new[] { "mars" } } }), HttpStatusCode.BadRequest);
        Assert.Contains("mars", site.ToString());
        await ApiClient.ProblemAsync(await StartAsync(study, new { stage = "translation" }), HttpStatusCode.BadRequest);
        var version = await ApiClient.ProblemAsync(await StartAsync(study, new { scope = new { changedSinceCodebookVersion = 7 } }), HttpStatusCode.BadRequest);
        Assert.Contains("changedSinceCodebookVersion", version.ToString());
        await ApiClient.ProblemAsync(await Api.SendJsonAsync(HttpMethod.Get, $"studies/{study}/reprocess/reprocess-{study}-nothing", ""), HttpStatusCode.NotFound);

        // A batch that holds the study's lock (just started, not yet visible) blocks a second one.
        var stores = await Azurite.StoresAsync();
        var holder = $"reprocess-{study}-held";
        Assert.True((await stores.BatchLocks.TryAcquireAsync(study, holder, (_, _) => Task.FromResult(true), CancellationToken.None)).Acquired);
        var busy = await ApiClient.ProblemAsync(await StartAsync(study, new { stage = "coding" }), HttpStatusCode.Conflict);
        Assert.Contains(holder, busy.GetProperty("detail").GetString());
        await stores.BatchLocks.ReleaseAsync(study, holder, CancellationToken.None);

        await Api.AddMemberAsync(study, "coder-1", "Coder");
        var asCoder = await Api.SendJsonAsync(HttpMethod.Post, $"studies/{study}/reprocess", "{}", user: "coder-1", roles: "Coder");
        Assert.Equal(HttpStatusCode.Forbidden, asCoder.StatusCode);
    }

    [Fact]
    public async Task ANewListWhileABatchRuns_WaitsForIt_AndOnlyTheNewestVersionStartsWhenItEnds()
    {
        var study = Azurite.UniqueStudyId("defer");
        await CreateListOnlyStudyAsync(study);
        var recording = await UploadTextAsync(study, "Interviewer: Where do you go?\n\nParticipant: I go to the Harbour Project on Tuesdays and the library after.\n");
        // Past de-identification either way: waiting for a coder, or completed when nothing needed one.
        var (first, _) = await Api.WaitForStatusAsync(recording, StageTimeout, "WaitingForVerification", "Completed", "Failed");
        Assert.NotEqual("Failed", first.GetProperty("status").GetString());

        // Another batch holds the study (as if just started); the new list versions wait for it.
        var stores = await Azurite.StoresAsync();
        var holder = $"reprocess-{study}-held";
        Assert.True((await stores.BatchLocks.TryAcquireAsync(study, holder, (_, _) => Task.FromResult(true), CancellationToken.None)).Acquired);
        var list = new JsonArray(JsonNode.Parse(File.ReadAllText(RepositoryPaths.Sample("identifiers.json")))!.AsArray().Select(n => n!.DeepClone()).ToArray());
        int version = 0;
        foreach (var place in new[] { "library", "Tuesdays" })
        {
            list.Add(new JsonObject { ["text"] = place, ["kind"] = "Location" });
            var changed = await ApiClient.EnsureAsync(await Api.SendJsonAsync(HttpMethod.Put, $"studies/{study}/identifiers", new JsonObject { ["identifiers"] = list.DeepClone() }.ToJsonString()), HttpStatusCode.OK);
            var reprocess = changed.GetProperty("reprocess");
            Assert.True(reprocess.ValueKind == JsonValueKind.Object, $"{changed} / {(await Api.RecordingAsync(recording)).GetRawText()}");
            Assert.False(reprocess.GetProperty("started").GetBoolean(), reprocess.ToString());
            Assert.True(reprocess.GetProperty("queued").GetBoolean(), reprocess.ToString());
            Assert.Contains(holder, reprocess.GetProperty("reason").GetString());
            version = changed.GetProperty("version").GetInt32();
        }

        // The holder ends; the next batch to run (a lead's re-code) starts the waiting one when it ends.
        await stores.BatchLocks.ReleaseAsync(study, holder, CancellationToken.None);
        var recode = await ApiClient.EnsureAsync(await StartAsync(study, new { stage = "coding" }), HttpStatusCode.Accepted);
        await WaitForBatchAsync(recode.GetProperty("statusUrl").GetString()!);

        var deferred = Workflow.Storage.StudyBatchRecords.BatchIdFor(study, $"identifier-list-v{version}");
        var until = DateTime.UtcNow + StageTimeout;
        while ((await Api.GetAsync($"studies/{study}/reprocess/{deferred}")).StatusCode == HttpStatusCode.NotFound)
        {
            Assert.True(DateTime.UtcNow < until, "the waiting de-identification batch never started");
            await Task.Delay(250);
        }
        var status = await WaitForBatchAsync($"/api/studies/{study}/reprocess/{deferred}");
        Assert.Equal("Deidentification", status.GetProperty("stage").GetString());
        // The older version waited too, but the newer one covers it: it never ran.
        var older = Workflow.Storage.StudyBatchRecords.BatchIdFor(study, $"identifier-list-v{version - 1}");
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync($"studies/{study}/reprocess/{older}")).StatusCode);

        // It re-ran the recording (what that hides and re-asks is the test above's subject).
        Assert.True(status.GetProperty("counts").GetProperty("done").GetInt32() == 1, status.ToString());
        var audit = await ApiClient.EnsureAsync(await Api.GetAsync($"studies/{study}/audit?max=200"), HttpStatusCode.OK);
        var starts = audit.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("action").GetString() == "ReprocessStarted").ToList();
        Assert.True(starts.Any(e => e.GetProperty("actor").GetString() == StartedByItself && e.GetProperty("targetId").GetString() == deferred),
            string.Join("\n", audit.GetProperty("events").EnumerateArray().Select(e => $"{e.GetProperty("actor")} {e.GetProperty("action")} {e.GetProperty("targetId")} {e.GetProperty("details")}")) + "\ndeferred " + deferred);
    }

    [Fact]
    public async Task Start_WithAChunkedBody_KeepsToTheNamedRecordings()
    {
        var study = Azurite.UniqueStudyId("batch-scope");
        await Api.SetUpStudyAsync(study);
        var first = await UploadTextAsync(study, "Interviewer: Tell me about the forum.\n\nParticipant: Nobody told me there was a forum until the consultation day, and the waiting list was long.");
        var second = await UploadTextAsync(study, "Interviewer: And the chemist?\n\nParticipant: The chemist opening times were no good for anyone working, so I asked my worker about a pick-up.");
        await WaitForAsync(first, "WaitingForVerification");
        await WaitForAsync(second, "WaitingForVerification");

        var response = await Api.PostChunkedJsonAsync($"studies/{study}/reprocess", new { stage = "coding", scope = new { recordings = new[] { first } } });
        Assert.Null(response.RequestMessage?.Content?.Headers.ContentLength);
        var started = await ApiClient.EnsureAsync(response, HttpStatusCode.Accepted);
        var status = await WaitForBatchAsync(started.GetProperty("statusUrl").GetString()!);

        Assert.Equal(1, status.GetProperty("counts").GetProperty("total").GetInt32());
        Assert.Equal(first, status.GetProperty("processed")[0].GetProperty("recordingId").GetString());
    }

    private async Task WaitForAsync(string recording, string status)
    {
        var (reached, _) = await Api.WaitForStatusAsync(recording, StageTimeout, status, "Failed");
        Assert.True(reached.GetProperty("status").GetString() == status, $"Recording {recording} failed: {reached}");
    }

    private Task<HttpResponseMessage> StartAsync(string study, object body) =>
        Api.SendJsonAsync(HttpMethod.Post, $"studies/{study}/reprocess", JsonSerializer.Serialize(body));

    private Task<JsonElement> WaitForBatchAsync(string statusUrl) => Api.WaitForBatchAsync(statusUrl, StageTimeout);

    private async Task PutCodebookWithDefinitionChangedAsync(string study, string codeId)
    {
        var codebook = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Sample("codebook.json")))!;
        var code = codebook["codes"]!.AsArray().First(c => c!["id"]!.GetValue<string>() == codeId)!;
        code["definition"] = code["definition"]!.GetValue<string>() + " Revised after the first round of coding.";
        await ApiClient.EnsureAsync(await Api.SendJsonAsync(HttpMethod.Put, $"studies/{study}/codebook", codebook.ToJsonString()), HttpStatusCode.OK);
    }

    private async Task CreateListOnlyStudyAsync(string study)
    {
        // Only the study list finds identifiers here, so the test controls exactly what is hidden.
        var body = JsonSerializer.Serialize(new { id = study, name = "Batch " + study, sites = new[] { new { id = "site-a", name = "Site A" } }, engines = new { deidentification = Array.Empty<string>() } });
        await ApiClient.EnsureAsync(await Api.SendJsonAsync(HttpMethod.Post, "studies", body), HttpStatusCode.Created);
        await ApiClient.EnsureAsync(await Api.SendJsonAsync(HttpMethod.Put, $"studies/{study}/codebook", File.ReadAllText(RepositoryPaths.Sample("codebook.json"))), HttpStatusCode.OK);
        var identifiers = JsonSerializer.Serialize(new { identifiers = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Sample("identifiers.json"))).RootElement });
        await ApiClient.EnsureAsync(await Api.SendJsonAsync(HttpMethod.Put, $"studies/{study}/identifiers", identifiers), HttpStatusCode.OK);
    }

    private async Task<string> UploadTextAsync(string study, string text)
    {
        var response = await Api.UploadAsync(study, "interview.txt", Encoding.UTF8.GetBytes(text), ApiClient.InterviewFields(), "text/plain");
        return (await ApiClient.EnsureAsync(response, HttpStatusCode.Accepted)).GetProperty("recordingId").GetString()!;
    }

    private async Task<Dictionary<string, List<string>>> AppliedCodesAsync(string recording)
    {
        var final = await ApiClient.EnsureAsync(await Api.GetAsync($"recordings/{recording}/transcript"), HttpStatusCode.OK);
        return final.GetProperty("transcript").GetProperty("segments").EnumerateArray().ToDictionary(
            s => s.GetProperty("id").GetString()!,
            s => s.GetProperty("codes").EnumerateArray().Select(c => c.GetProperty("codeId").GetString()!).ToList());
    }

    private async Task<string> FinalTextAsync(string recording)
    {
        var final = await ApiClient.EnsureAsync(await Api.GetAsync($"recordings/{recording}/transcript"), HttpStatusCode.OK);
        return string.Join("\n", final.GetProperty("transcript").GetProperty("utterances").EnumerateArray().Select(u => u.GetProperty("text").GetString()));
    }
}
