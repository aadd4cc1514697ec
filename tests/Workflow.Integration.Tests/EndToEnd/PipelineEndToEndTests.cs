using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs;
using Workflow.Integration.Tests.Infrastructure;
using Workflow.Storage.Configuration;

namespace Workflow.Integration.Tests.EndToEnd;

/// <summary>
/// The whole workflow through the local runner's HTTP API: real Kestrel, the Durable backend on
/// Azurite, ffmpeg and PocketSphinx, the rule-based de-identifier and the keyword coder.
/// </summary>
public class PipelineEndToEndTests(RunnerFixture fixture) : IClassFixture<RunnerFixture>
{
    private ApiClient Api => fixture.Api;
    private static readonly TimeSpan StageTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task TranscriptAndAudio_AreVerifiedAndCompleted_WithNoStudyIdentifierLeft()
    {
        var study = Azurite.UniqueStudyId("e2e");
        await Api.SetUpStudyAsync(study);
        var transcriptPath = RepositoryPaths.Sample("transcripts/interview-service-user.txt");
        var audioPath = await SampleAudio.MakeAsync(fixture.Runner.WorkDirectory + "-audio", RepositoryPaths.Sample("audio-script.txt"));

        var transcriptId = await Api.UploadOkAsync(study, transcriptPath, "P001:ServiceUser");
        var audioId = await Api.UploadOkAsync(study, audioPath, "P002:ServiceUser");
        var (transcriptWaiting, _) = await Api.WaitForStatusAsync(transcriptId, StageTimeout, "WaitingForVerification", "Failed");
        var (audioWaiting, _) = await Api.WaitForStatusAsync(audioId, StageTimeout, "WaitingForVerification", "Failed");
        Assert.Equal("WaitingForVerification", transcriptWaiting.GetProperty("status").GetString());
        Assert.Equal("WaitingForVerification", audioWaiting.GetProperty("status").GetString());
        Assert.True(audioWaiting.GetProperty("durationSeconds").GetDouble() > 5);
        // The chunked transcription's scratch (decoded audio, each chunk's words) went once the transcript was stored.
        var raw = new BlobContainerClient(Azurite.ConnectionString, StorageNames.RawUploads);
        var left = new List<string>();
        await foreach (var blob in raw.GetBlobsAsync(new GetBlobsOptions { Prefix = $"{study}/{audioId}/" })) left.Add(blob.Name);
        Assert.StartsWith($"{study}/{audioId}/source.", Assert.Single(left), StringComparison.Ordinal);
        // Original file names can name people; the de-identified side only knows the format.
        Assert.Equal("source.txt", transcriptWaiting.GetProperty("fileName").GetString());
        // So can the interviewer field: it stays with the raw upload, never in the status the API shows.
        Assert.Equal(JsonValueKind.Null, transcriptWaiting.GetProperty("metadata").GetProperty("interviewer").ValueKind);

        var (redactions, codes) = await Api.DecideEverythingAsync(study);
        Assert.True(codes > 0, "the keyword coder proposed no codes for the sample transcript");

        foreach (var id in new[] { transcriptId, audioId })
        {
            var (done, _) = await Api.WaitForStatusAsync(id, StageTimeout, "Completed", "Failed");
            Assert.Equal("Completed", done.GetProperty("status").GetString());
        }

        var final = await ApiClient.EnsureAsync(await Api.GetAsync($"recordings/{transcriptId}/transcript"), HttpStatusCode.OK);
        Assert.True(final.GetProperty("verified").GetBoolean());
        var text = AllText(final.GetProperty("transcript"));
        var identifiers = StudyIdentifierSurfaces();
        var original = await File.ReadAllTextAsync(transcriptPath);
        Assert.True(identifiers.Count(s => Mentions(original, s)) >= 5, "the sample transcript should mention several study identifiers, or this check proves nothing");
        Assert.DoesNotContain(identifiers, s => Mentions(text, s));
        Assert.Contains("[PERSON_", text);
        // The way back from labels to words is the lead's, and holds the listed names the transcript hid.
        var key = await ApiClient.EnsureAsync(await Api.GetAsync($"recordings/{transcriptId}/redaction-key"), HttpStatusCode.OK);
        var hidden = key.GetProperty("redactions").EnumerateArray().Select(r => r.GetProperty("originalText").GetString()!).ToList();
        Assert.Contains(identifiers, s => hidden.Any(h => Mentions(h, s)));
        Assert.All(key.GetProperty("redactions").EnumerateArray(), r => Assert.StartsWith("[", r.GetProperty("label").GetString()));
        await Api.AddMemberAsync(study, "coder-1", "Coder");
        var asCoder = await Api.SendJsonAsync(HttpMethod.Get, $"recordings/{transcriptId}/redaction-key", "", user: "coder-1", roles: "Coder");
        Assert.Equal(HttpStatusCode.Forbidden, asCoder.StatusCode);
        Assert.Contains(final.GetProperty("transcript").GetProperty("segments").EnumerateArray(), s => s.GetProperty("codes").GetArrayLength() > 0);

        var audioFinal = await ApiClient.EnsureAsync(await Api.GetAsync($"recordings/{audioId}/transcript"), HttpStatusCode.OK);
        var audioText = AllText(audioFinal.GetProperty("transcript"));
        Assert.DoesNotContain(identifiers, s => Mentions(audioText, s));
        Assert.True(audioFinal.GetProperty("transcript").GetProperty("utterances").GetArrayLength() > 0);
        _ = redactions;
    }

    [Fact]
    public async Task SameFileTwice_DoesNotRunTwice()
    {
        var study = Azurite.UniqueStudyId("dup");
        await Api.SetUpStudyAsync(study);
        var path = RepositoryPaths.Sample("transcripts/interview-service-user.txt");

        var first = await Api.UploadOkAsync(study, path);
        var again = await Api.UploadAsync(study, "renamed.txt", await File.ReadAllBytesAsync(path), ApiClient.InterviewFields());

        var body = await ApiClient.EnsureAsync(again, HttpStatusCode.OK);
        Assert.Equal(first, body.GetProperty("recordingId").GetString());
        Assert.True(body.GetProperty("duplicate").GetBoolean());
        var list = await ApiClient.EnsureAsync(await Api.GetAsync($"studies/{study}/recordings"), HttpStatusCode.OK);
        Assert.Equal(1, list.GetArrayLength());
    }

    [Fact]
    public async Task Recode_AgainstAnUnchangedNewCodebookVersion_AsksNothingAgain_AndFinalizesAgainstIt()
    {
        var study = Azurite.UniqueStudyId("recode");
        await Api.SetUpStudyAsync(study);
        var id = await Api.UploadOkAsync(study, RepositoryPaths.Sample("transcripts/interview-service-user.txt"));
        await Api.WaitForStatusAsync(id, StageTimeout, "WaitingForVerification");
        await Api.DecideEverythingAsync(study);
        await Api.WaitForStatusAsync(id, StageTimeout, "Completed");
        var before = await ApiClient.EnsureAsync(await Api.GetAsync($"recordings/{id}/transcript"), HttpStatusCode.OK);

        // The same codebook again is a new version in which no code changed.
        var codebook = await ApiClient.EnsureAsync(await Api.SendJsonAsync(HttpMethod.Put, $"studies/{study}/codebook",
            File.ReadAllText(RepositoryPaths.Sample("codebook.json"))), HttpStatusCode.OK);
        Assert.Equal(2, codebook.GetProperty("version").GetInt32());
        var started = await ApiClient.EnsureAsync(await Api.SendJsonAsync(HttpMethod.Post, $"studies/{study}/reprocess", """{"operation":"recode"}"""), HttpStatusCode.Accepted);

        // Every decision carries over, so the recording is finalised again without anyone being asked.
        var until = DateTime.UtcNow + StageTimeout;
        JsonElement final;
        while (true)
        {
            final = await ApiClient.EnsureAsync(await Api.GetAsync($"recordings/{id}/transcript"), HttpStatusCode.OK);
            if (final.GetProperty("transcript").GetProperty("codebookVersion").GetInt32() == 2) break;
            Assert.True(DateTime.UtcNow < until, "the recording was not finalised against codebook version 2");
            Assert.Null(await Api.ClaimAsync(study));
            await Task.Delay(250);
        }
        Assert.Null(await Api.ClaimAsync(study));
        Assert.Equal(CodesOf(before), CodesOf(final));
        JsonElement status;
        do
        {
            status = await ApiClient.EnsureAsync(await Api.GetAsync(started.GetProperty("statusUrl").GetString()!.Replace("/api/", "")), HttpStatusCode.OK);
            Assert.True(DateTime.UtcNow < until, $"the batch did not finish: {status}");
        }
        while (status.GetProperty("runtimeStatus").GetString() != "Completed" && await Task.Delay(250).ContinueWith(_ => true));
        Assert.True(status.GetProperty("processed")[0].GetProperty("carried").GetInt32() > 0);
    }

    private static List<string> CodesOf(JsonElement final) =>
        final.GetProperty("transcript").GetProperty("segments").EnumerateArray()
            .SelectMany(s => s.GetProperty("codes").EnumerateArray().Select(c => $"{s.GetProperty("id").GetString()}:{c.GetProperty("codeId").GetString()}:{c.GetProperty("decidedBy").GetString()}"))
            .Order(StringComparer.Ordinal).ToList();

    private static string AllText(JsonElement transcript) =>
        string.Join("\n", transcript.GetProperty("utterances").EnumerateArray()
            .Select(u => u.GetProperty("speaker").GetString() + ": " + u.GetProperty("text").GetString()));

    private static List<string> StudyIdentifierSurfaces()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Sample("identifiers.json")));
        return doc.RootElement.EnumerateArray()
            .SelectMany(e => new[] { e.GetProperty("text").GetString()! }
                .Concat(e.TryGetProperty("aliases", out var a) ? a.EnumerateArray().Select(x => x.GetString()!) : []))
            .ToList();
    }

    private static bool Mentions(string text, string surface) =>
        Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(surface)}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase);

    [Fact]
    public async Task RedactionDecisions_TeachTheStudy_AddingToItsListOrMarkingAWordNotIdentifying()
    {
        var study = Azurite.UniqueStudyId("teach");
        await Api.SetUpStudyAsync(study);
        var text = "Interviewer: Who did you see?\n\nParticipant: I saw Dr Quimby first, and later Dr Vantablack took over the clinic for a while.\n";
        var upload = await Api.UploadAsync(study, "teach.txt", Encoding.UTF8.GetBytes(text), ApiClient.InterviewFields());
        var id = (await ApiClient.EnsureAsync(upload, HttpStatusCode.Accepted)).GetProperty("recordingId").GetString()!;
        await Api.WaitForStatusAsync(id, StageTimeout, "WaitingForVerification");

        var taught = new List<string>();
        while (await Api.ClaimAsync(study) is { } item)
        {
            var itemId = item.GetProperty("id").GetString()!;
            var original = item.GetProperty("kind").GetString() == "Redaction" ? item.GetProperty("redaction").GetProperty("originalText").GetString() : null;
            if (original == "Dr Quimby")
            {
                // Teaching must match the action: adding to the list goes with confirming.
                await ApiClient.ProblemAsync(await Api.DecideAsync(itemId, new { action = "undo", addToStudyList = true }), HttpStatusCode.BadRequest);
                var decided = await ApiClient.EnsureAsync(await Api.DecideAsync(itemId, new { action = "confirm", addToStudyList = true }), HttpStatusCode.OK);
                taught.Add(decided.GetProperty("taught").GetString()!);
            }
            else if (original == "Dr Vantablack")
            {
                var decided = await ApiClient.EnsureAsync(await Api.DecideAsync(itemId, new { action = "undo", notIdentifying = true }), HttpStatusCode.OK);
                taught.Add(decided.GetProperty("taught").GetString()!);
            }
            else
            {
                await ApiClient.EnsureAsync(await Api.DecideAsync(itemId, original is null ? new { action = "accept" } : new { action = "confirm" }), HttpStatusCode.OK);
            }
        }

        Assert.Equal(["AddToStudyList", "NotIdentifying"], taught.Order());
        var list = await (await Azurite.StoresAsync()).Identifiers.GetCurrentAsync(study, CancellationToken.None);
        Assert.Contains(list.Identifiers, i => i.Text == "Dr Quimby" && i.Kind == Workflow.Domain.Deidentification.IdentifierKind.Person);
        Assert.Contains("dr vantablack", list.NotIdentifying);
        Assert.True(list.Identifiers.Count > 1, "the lead's entries must survive the coder's addition");
        var (done, _) = await Api.WaitForStatusAsync(id, StageTimeout, "Completed", "Failed");
        Assert.Equal("Completed", done.GetProperty("status").GetString());
    }
}
