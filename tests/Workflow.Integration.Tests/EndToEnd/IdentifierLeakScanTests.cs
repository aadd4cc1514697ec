using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Workflow.Integration.Tests.Infrastructure;
using Workflow.Storage.Configuration;
using Xunit.Abstractions;

namespace Workflow.Integration.Tests.EndToEnd;

/// <summary>
/// "Identifiers never appear in logs, telemetry, exception text or the Durable task hub's history."
/// A transcript full of known identifiers goes through a real runner logging at Debug, a coder decides
/// every item through the API (with notes that name people, as coders' notes do), and then every log
/// line, every de-identified blob and row of the recordings, and everything in the runner's task hub
/// (history, instances, large-message blobs, and the work-item and control queues, peeked while the
/// pipeline ran) is scanned for them. The identifiable store is scanned too, and must hold them all:
/// otherwise the scan could pass by looking at nothing.
/// </summary>
public class IdentifierLeakScanTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TranscriptFullOfIdentifiers_LeavesNoneInLogsDeidentifiedStorageOrTheTaskHub()
    {
        var clock = Stopwatch.StartNew();
        await using var runner = new LocalRunnerProcess(DebugLogging);
        await runner.StartAsync();
        using var api = new ApiClient(runner.BaseAddress);
        var study = Azurite.UniqueStudyId("leak");
        await api.SetUpStudyAsync(study);
        await ApiClient.EnsureAsync(await api.SendJsonAsync(HttpMethod.Put, $"studies/{study}/identifiers",
            JsonSerializer.Serialize(new { identifiers = LeakSamples.StudyList })), HttpStatusCode.OK);

        var storage = new StoredTexts(Azurite.ConnectionString);
        await using var peeker = await QueuePeeker.StartAsync(storage, runner.TaskHub);

        // The file name, interviewer and notes name people too: they belong with the raw upload only.
        var fields = ApiClient.InterviewFields();
        fields["interviewer"] = "Marguerite Olawale";
        fields["notes"] = "Zoë O'Rourke set this up; Bethany Rowlinson was there too, ring 07700 900183.";
        var transcriptId = await UploadAsync(api, study, "marguerite-olawale-interview.txt", LeakSamples.Transcript, fields);
        // A broken file full of the same identifiers fails at ingest: its reason and history must not quote it.
        var brokenId = await UploadAsync(api, study, "bethany-rowlinson.vtt", LeakSamples.BrokenWebVtt, ApiClient.InterviewFields("P002:ServiceUser"));

        var (failed, _) = await api.WaitForStatusAsync(brokenId, TimeSpan.FromMinutes(2), "Failed", "WaitingForVerification", "Completed");
        Assert.Equal("Failed", failed.GetProperty("status").GetString());
        var (waiting, _) = await api.WaitForStatusAsync(transcriptId, TimeSpan.FromMinutes(2), "WaitingForVerification", "Failed");
        Assert.Equal("WaitingForVerification", waiting.GetProperty("status").GetString());
        var apiAnswers = new List<StoredText>
        {
            new("GET recordings/{broken}", failed.ToString()),
            new("GET recordings/{transcript} while waiting", waiting.ToString()),
            new("GET recordings/{transcript}/transcript (draft)", await (await api.GetAsync($"recordings/{transcriptId}/transcript")).Content.ReadAsStringAsync()),
        };

        var decided = await DecideEverythingWithNotesAsync(api, study);
        Assert.True(decided.Redactions > 0, "nothing was queued for confirmation, so the verification path was not exercised");
        var (done, _) = await api.WaitForStatusAsync(transcriptId, TimeSpan.FromMinutes(2), "Completed", "Failed");
        Assert.Equal("Completed", done.GetProperty("status").GetString());
        apiAnswers.Add(new("GET recordings/{transcript} completed", done.ToString()));
        var final = await ApiClient.EnsureAsync(await api.GetAsync($"recordings/{transcriptId}/transcript"), HttpStatusCode.OK);
        apiAnswers.Add(new("GET recordings/{transcript}/transcript (final)", final.ToString()));

        // A batch re-runs de-identification with the list the coder taught: its histories, records and status must be as clean.
        var listVersion = final.GetProperty("transcript").GetProperty("identifierListVersion").GetInt32();
        var batch = await ApiClient.EnsureAsync(await api.SendJsonAsync(HttpMethod.Post, $"studies/{study}/reprocess",
            JsonSerializer.Serialize(new { stage = "deidentification", scope = new { recordings = new[] { transcriptId } } })), HttpStatusCode.Accepted);
        apiAnswers.AddRange(await RerunToCompletionAsync(api, study, transcriptId, batch.GetProperty("statusUrl").GetString()!, listVersion, () => ExceptionsIn(runner)));
        apiAnswers.Add(new("GET studies/{study}/recordings", await (await api.GetAsync($"studies/{study}/recordings")).Content.ReadAsStringAsync()));
        // The lead's exports and reports are the study's de-identified material, made to leave the system.
        // The chain of custody and the dashboards promise ids, versions and counts only.
        foreach (var path in new[] { "exports/qdpx", "exports/csv", "exports/json", "exports/docx", "reports/codes?format=html", "reports/codes?format=csv", "queue", "agreement" })
            apiAnswers.AddRange(ExportTexts.Of($"GET studies/{{study}}/{path}", await ApiClient.EnsureBytesAsync(await api.GetAsync($"studies/{study}/{path}"))));
        foreach (var id in new[] { transcriptId, brokenId })
            apiAnswers.Add(new($"GET recordings/{id}/custody", await (await api.GetAsync($"recordings/{id}/custody")).Content.ReadAsStringAsync()));
        var peeked = await peeker.StopAsync();
        output.WriteLine($"Pipeline and decisions: {clock.Elapsed.TotalSeconds:0.0} s ({decided.Redactions} redactions confirmed, {decided.Codes} codes decided); runner start {runner.LastStartTime.TotalSeconds:0.0} s.");

        var scanner = new IdentifierScanner(LeakSamples.Identifiers);
        var recordings = new[] { transcriptId, brokenId };
        var scanned = new ScanScope(scanner);

        // Where identifiers must never be.
        scanned.Add("log", runner.LogLines.Select((line, i) => new StoredText($"runner log line {i + 1}", line)));
        foreach (var container in StorageNames.DeidentifiedContainers)
            scanned.Add("de-identified blob", await storage.BlobsAsync(container, study + "/"));
        foreach (var table in StorageNames.DeidentifiedTables)
            scanned.Add("de-identified row", await storage.RowsAsync(table, row => Mentions(row, study, recordings)));
        foreach (var table in await storage.TableNamesAsync(runner.TaskHub))
            scanned.Add("task hub row", await storage.RowsAsync(table));
        foreach (var container in await storage.ContainerNamesAsync(runner.TaskHub))
            scanned.Add("task hub blob", await storage.BlobsAsync(container));
        foreach (var queue in await storage.QueueNamesAsync(runner.TaskHub))
            scanned.Add("task hub message", await storage.PeekAsync(queue));
        scanned.Add("task hub message", peeked);
        scanned.Add("API answer or export", apiAnswers);
        output.WriteLine(scanned.Summary());

        // Where they are kept on purpose: the scan must find every one of them there.
        var identifiable = new ScanScope(scanner);
        foreach (var container in new[] { StorageNames.RawUploads, StorageNames.IdentifiableTranscripts, StorageNames.PseudonymKeys })
            identifiable.Add("identifiable blob", await storage.BlobsAsync(container, study + "/"));
        identifiable.Add("verification queue row", await storage.RowsAsync(StorageNames.VerificationTable, row => row.PartitionKey == study));
        output.WriteLine("Identifiable store (expected to hold them): " + identifiable.Summary());

        Assert.True(scanned.Count("log") > 200, $"only {scanned.Count("log")} log lines were captured: Debug logging is not reaching the scan");
        Assert.True(scanned.Count("task hub row") > 20, "the task hub's history and instance tables were not found");
        Assert.True(peeked.Count > 0, "no queue message was peeked while the pipeline ran");
        Assert.True(scanned.Count("de-identified blob") >= 3, "the recording's de-identified, coding and final blobs were not found");
        Assert.Empty(LeakSamples.Identifiers.Select(i => i.Identifier).Except(identifiable.Hits.Select(h => h.Identifier)));
        Assert.Contains(identifiable.Hits, h => h.Location.StartsWith("table " + StorageNames.VerificationTable));
        Assert.Contains(identifiable.Hits, h => h.Location.StartsWith("blob " + StorageNames.RawUploads) && h.Identifier == "Marguerite Olawale");

        foreach (var hit in scanned.Hits) output.WriteLine("LEAK " + hit);
        Assert.True(scanned.Hits.Count == 0, $"{scanned.Hits.Count} identifier(s) found outside the identifiable store:\n{string.Join("\n", scanned.Hits.Take(40))}");
    }

    private static readonly Dictionary<string, string> DebugLogging = new()
    {
        ["Logging__LogLevel__Default"] = "Debug",
        ["Logging__LogLevel__Microsoft.AspNetCore"] = "Debug",
        ["Logging__LogLevel__DurableTask"] = "Debug",
        ["Logging__LogLevel__DurableTask.AzureStorage"] = "Debug",
        ["Logging__LogLevel__DurableTask.Core"] = "Debug",
        ["Logging__LogLevel__Microsoft.DurableTask"] = "Debug",
        ["Logging__LogLevel__Grpc"] = "Debug",
        ["Logging__LogLevel__Azure"] = "Information",
        ["Pipeline__VerificationRecheck"] = "00:00:05",
    };

    private static async Task<string> UploadAsync(ApiClient api, string study, string fileName, string text, Dictionary<string, string> fields)
    {
        var response = await api.UploadAsync(study, fileName, Encoding.UTF8.GetBytes(text), fields);
        return (await ApiClient.EnsureAsync(response, HttpStatusCode.Accepted)).GetProperty("recordingId").GetString()!;
    }

    /// <summary>
    /// Confirms every redaction and accepts every code, each with a note naming someone; the first
    /// confirmed redaction also joins the study's list (the coder teaches the study a name).
    /// </summary>
    private static async Task<(int Redactions, int Codes)> DecideEverythingWithNotesAsync(ApiClient api, string study)
    {
        var (redactions, codes) = (0, 0);
        while (await api.ClaimAsync(study) is { } item)
        {
            var isRedaction = item.GetProperty("kind").GetString() is "Redaction" or "TranscriptCheck";
            var decision = new Dictionary<string, object> { ["action"] = isRedaction ? "confirm" : "accept", ["note"] = "Checked with Maggie, as Callum asked." };
            if (isRedaction && redactions == 0) decision["addToStudyList"] = true;
            await ApiClient.EnsureAsync(await api.DecideAsync(item.GetProperty("id").GetString()!, decision), HttpStatusCode.OK);
            if (isRedaction) redactions++; else codes++;
        }
        return (redactions, codes);
    }

    /// <summary>Decides whatever the re-run asks again until the batch ends and the recording is finalised against the newer list; returns the answers seen.</summary>
    private static async Task<List<StoredText>> RerunToCompletionAsync(ApiClient api, string study, string recordingId, string statusUrl, int listVersionBefore, Func<string> diagnostics)
    {
        var until = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            await DecideEverythingWithNotesAsync(api, study);
            var status = await ApiClient.EnsureAsync(await api.GetAsync(statusUrl.TrimStart('/')["api/".Length..]), HttpStatusCode.OK);
            var final = await ApiClient.EnsureAsync(await api.GetAsync($"recordings/{recordingId}/transcript"), HttpStatusCode.OK);
            Assert.True(status.GetProperty("counts").GetProperty("failed").GetInt32() == 0, $"the re-run failed: {status}\n{diagnostics()}");
            if (status.GetProperty("runtimeStatus").GetString() == "Completed" && final.GetProperty("verified").GetBoolean()
                && final.GetProperty("transcript").GetProperty("identifierListVersion").GetInt32() > listVersionBefore)
                return [new("GET reprocess status", status.ToString()), new("GET recordings/{transcript}/transcript (after the re-run)", final.ToString())];
            Assert.True(DateTime.UtcNow < until, $"the re-run did not finish: {status}\n{diagnostics()}");
            await Task.Delay(250);
        }
    }

    /// <summary>The first exceptions the runner logged, with their stack traces (the runner's log is synthetic test data).</summary>
    private static string ExceptionsIn(LocalRunnerProcess runner)
    {
        var lines = runner.LogLines;
        return string.Join("\n", Enumerable.Range(0, lines.Count).Where(i => lines[i].Contains("Exception:")).Take(2)
            .SelectMany(i => lines.Skip(Math.Max(0, i - 1)).Take(12)));
    }

    private static bool Mentions(TableEntity row, string study, string[] recordings) =>
        row.Select(p => p.Value as string).Append(row.PartitionKey).Append(row.RowKey)
            .Any(v => v is not null && (v.Contains(study, StringComparison.Ordinal) || recordings.Any(r => v.Contains(r, StringComparison.Ordinal))));

    /// <summary>What was scanned, by kind, and what the scan found.</summary>
    private sealed class ScanScope(IdentifierScanner scanner)
    {
        private readonly Dictionary<string, int> _counts = [];
        public List<IdentifierHit> Hits { get; } = [];

        public void Add(string kind, IEnumerable<StoredText> texts)
        {
            foreach (var text in texts)
            {
                _counts[kind] = Count(kind) + 1;
                Hits.AddRange(scanner.Scan(text.Location, text.Text));
            }
        }

        public int Count(string kind) => _counts.GetValueOrDefault(kind);

        public string Summary() => "scanned " + string.Join(", ", _counts.Select(c => $"{c.Value} {c.Key}(s)")) + $"; {Hits.Count} hit(s)";
    }
}
