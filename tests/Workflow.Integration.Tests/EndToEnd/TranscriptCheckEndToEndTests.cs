using System.Net;
using System.Text.Json;
using Workflow.Integration.Tests.Infrastructure;

namespace Workflow.Integration.Tests.EndToEnd;

/// <summary>
/// A runner that doubts every word the recogniser is not certain of, so the synthesized interview is
/// sure to have transcript checks (PocketSphinx's confidences on espeak-ng speech vary from run to run
/// of the models, and the point here is the flow, not the threshold).
/// </summary>
public sealed class DoubtfulRunnerFixture() : RunnerFixture(new()
{
    ["Verification__TranscriptCheckBelow"] = "1",
    ["Verification__MinPassagesPerRecording"] = "3",
});

/// <summary>
/// Transcript checks and speaker names through the local runner: an audio recording gets checks with
/// times, a coder corrects one (writing a listed name, which must not reach the final transcript) and
/// confirms the rest; the final transcript holds the correction with the name's label (and the label of
/// a place added to the study's list after the correction was stored); the speakers
/// route names the speaker by participant id and refuses free text.
/// </summary>
public class TranscriptCheckEndToEndTests(DoubtfulRunnerFixture fixture) : IClassFixture<DoubtfulRunnerFixture>
{
    private ApiClient Api => fixture.Api;
    private static readonly TimeSpan StageTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task AudioRecording_GetsTranscriptChecks_ACorrectionIsDeidentifiedAndApplied_AndSpeakersAreNamed()
    {
        var study = Azurite.UniqueStudyId("tcheck");
        await Api.SetUpStudyAsync(study);
        var folder = Directory.CreateDirectory(fixture.Runner.WorkDirectory + "-checks").FullName;
        var script = Path.Combine(folder, "checks.txt");
        await File.WriteAllTextAsync(script, "I started using when I was fifteen years old.\nThe service helped me a lot.\nNow I go to the group every week.\n");
        var audioId = await Api.UploadOkAsync(study, await SampleAudio.MakeAsync(folder, script), "P002:ServiceUser");
        var (waiting, _) = await Api.WaitForStatusAsync(audioId, StageTimeout, "WaitingForVerification", "Failed");
        Assert.True(waiting.GetProperty("status").GetString() == "WaitingForVerification", waiting.ToString());

        // Before anything is decided, the names must be roles or participant ids.
        var speakers = await ApiClient.EnsureAsync(await Api.GetAsync($"recordings/{audioId}/speakers"), HttpStatusCode.OK);
        Assert.Equal(["Speaker 1"], speakers.GetProperty("speakers").EnumerateArray().Select(s => s.GetString()));
        var freeText = await ApiClient.ProblemAsync(await PutSpeakersAsync(audioId, new { Speaker1 = "Stuart" }), HttpStatusCode.BadRequest);
        Assert.DoesNotContain("Stuart", freeText.GetProperty("detail").GetString());
        await ApiClient.ProblemAsync(await PutSpeakersAsync(audioId, new Dictionary<string, string> { ["Speaker 9"] = "P002" }), HttpStatusCode.BadRequest);
        var named = await ApiClient.EnsureAsync(await PutSpeakersAsync(audioId, new { Speaker1 = "p002" }), HttpStatusCode.OK);
        Assert.Equal("P002", named.GetProperty("names").GetProperty("Speaker 1").GetString());

        var (checks, corrected) = (0, (string?)null);
        while (await Api.ClaimAsync(study) is { } item)
        {
            var id = item.GetProperty("id").GetString()!;
            var kind = item.GetProperty("kind").GetString();
            if (kind != "TranscriptCheck")
            {
                await ApiClient.EnsureAsync(await Api.DecideAsync(id, kind == "Redaction" ? new { action = "confirm" } : new { action = "accept" }), HttpStatusCode.OK);
                continue;
            }
            checks++;
            var passage = item.GetProperty("passage");
            Assert.True(passage.GetProperty("endSeconds").GetDouble() > passage.GetProperty("startSeconds").GetDouble(), $"a passage without a time span: {passage}");
            Assert.Equal(["Confirm", "Correct"], item.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
            Assert.Equal("P002", item.GetProperty("place").GetProperty("speaker").GetString());
            if (corrected is not null)
            {
                await ApiClient.EnsureAsync(await Api.DecideAsync(id, new { action = "confirm" }), HttpStatusCode.OK);
                continue;
            }

            // Refused with reasons, nothing stored: no text, too long a text, text with a confirmation.
            await ApiClient.ProblemAsync(await Api.DecideAsync(id, new { action = "correct" }), HttpStatusCode.BadRequest);
            var tooLong = await ApiClient.ProblemAsync(await Api.DecideAsync(id, new { action = "correct", correctedText = new string('a', 4_001) }), HttpStatusCode.BadRequest);
            Assert.Contains("at most 4,000", tooLong.GetProperty("detail").GetString());
            await ApiClient.ProblemAsync(await Api.DecideAsync(id, new { action = "confirm", correctedText = "x" }), HttpStatusCode.BadRequest);

            corrected = "then Stuart Penhale took me to the group in fernleigh";
            var decided = await ApiClient.EnsureAsync(await Api.DecideAsync(id, new { action = "correct", correctedText = corrected }), HttpStatusCode.OK);
            Assert.Equal("Correct", decided.GetProperty("action").GetString());

            // A place nobody listed yet is stored as written; once the list has it, finalising removes it too.
            var asStored = (await (await Azurite.StoresAsync()).Verification.GetAsync(id, CancellationToken.None)).Item!;
            Assert.Matches(@"^then \[PERSON_\d+\] took me to the group in fernleigh$", asStored.Decision!.CorrectedText);
            await AddToTheStudyListAsync(study, "Fernleigh", "Location");

            // Revised (appended, the first kept): the revision's text is de-identified the same way.
            var revised = await ApiClient.EnsureAsync(await Api.SendJsonAsync(HttpMethod.Post, $"queue/items/{id}/revision",
                JsonSerializer.Serialize(new { action = "correct", correctedText = "then Stuart took me to the group in Fernleigh" })), HttpStatusCode.OK);
            Assert.Equal(1, revised.GetProperty("earlierDecisions").GetInt32());
            var history = (await (await Azurite.StoresAsync()).Verification.GetAsync(id, CancellationToken.None)).Item!;
            Assert.Matches(@"^then \[PERSON_\d+\] took me to the group in \[LOCATION_\d+\]$", history.Decision!.CorrectedText);
            Assert.Equal(asStored.Decision.CorrectedText, Assert.Single(history.EarlierDecisions!).CorrectedText);
        }
        Assert.True(checks >= 2, $"only {checks} transcript check(s) for three spoken sentences");
        Assert.NotNull(corrected);

        var (done, _) = await Api.WaitForStatusAsync(audioId, StageTimeout, "Completed", "Failed");
        Assert.True(done.GetProperty("status").GetString() == "Completed", done.ToString());
        var final = await ApiClient.EnsureAsync(await Api.GetAsync($"recordings/{audioId}/transcript"), HttpStatusCode.OK);
        Assert.True(final.GetProperty("verified").GetBoolean());
        var utterances = final.GetProperty("transcript").GetProperty("utterances").EnumerateArray().ToList();
        var text = string.Join("\n", utterances.Select(u => u.GetProperty("text").GetString()));
        Assert.Matches(@"then \[PERSON_\d+\] took me to the group in \[LOCATION_\d+\]", text);
        Assert.DoesNotContain("Fernleigh", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("fernleigh", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Stuart", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Penhale", text, StringComparison.OrdinalIgnoreCase);
        var words = utterances.SelectMany(u => u.GetProperty("words").EnumerateArray()).Select(w => w.GetProperty("text").GetString()!).ToList();
        Assert.DoesNotContain(words, w => w.Contains("Stuart", StringComparison.OrdinalIgnoreCase));
        // The name was never stored as typed: the queue row holds the de-identified correction.
        var stored = await (await Azurite.StoresAsync()).Verification.ListAsync(study, audioId, CancellationToken.None);
        Assert.DoesNotContain(stored, i => i.Decision?.CorrectedText?.Contains("Stuart", StringComparison.OrdinalIgnoreCase) == true);
        Assert.Contains(stored, i => i.Decision?.CorrectedText?.StartsWith("then [PERSON_", StringComparison.Ordinal) == true);

        // Named before finalising, so the final transcript has the name; renaming it later renames it again.
        Assert.All(utterances, u => Assert.Equal("P002", u.GetProperty("speaker").GetString()));
        await ApiClient.EnsureAsync(await PutSpeakersAsync(audioId, new { Speaker1 = "ServiceUser" }), HttpStatusCode.OK);
        var renamed = await ApiClient.EnsureAsync(await Api.GetAsync($"recordings/{audioId}/transcript"), HttpStatusCode.OK);
        Assert.All(renamed.GetProperty("transcript").GetProperty("utterances").EnumerateArray(), u => Assert.Equal("ServiceUser", u.GetProperty("speaker").GetString()));

        var audit = await ApiClient.EnsureAsync(await Api.GetAsync($"studies/{study}/audit"), HttpStatusCode.OK);
        Assert.Contains("SpeakersNamed", audit.ToString());
        Assert.DoesNotContain("Stuart", audit.ToString());
    }

    /// <summary>The sample identifier list and one more entry, saved without starting a de-identification batch.</summary>
    private async Task AddToTheStudyListAsync(string study, string text, string kind)
    {
        var list = JsonSerializer.Deserialize<List<JsonElement>>(await File.ReadAllTextAsync(RepositoryPaths.Sample("identifiers.json")))!;
        list.Add(JsonSerializer.SerializeToElement(new { text, kind, aliases = Array.Empty<string>() }));
        await ApiClient.EnsureAsync(await Api.SendJsonAsync(HttpMethod.Put, $"studies/{study}/identifiers?reprocess=none",
            JsonSerializer.Serialize(new { identifiers = list })), HttpStatusCode.OK);
    }

    /// <summary>PUT speakers; an anonymous object's <c>Speaker1</c> is sent as "Speaker 1".</summary>
    private Task<HttpResponseMessage> PutSpeakersAsync(string recordingId, object names)
    {
        var json = JsonSerializer.Serialize(names).Replace("\"Speaker1\"", "\"Speaker 1\"", StringComparison.Ordinal);
        return Api.SendJsonAsync(HttpMethod.Put, $"recordings/{recordingId}/speakers", json);
    }
}
