using System.Net;
using System.Text;
using System.Text.Json;
using Workflow.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Workflow.Integration.Tests.EndToEnd;

/// <summary>
/// A participant withdraws consent, and a lead deletes a recording, on a real runner and Azurite:
/// afterwards nothing of theirs is left in any container, table or queue (the scan covers all of
/// Azurite, both accounts and the task hub), their later uploads are refused, and the other
/// participants' recordings are untouched. Each transcript carries words made up for this run, so
/// the scan cannot be fooled by other tests' data, and the same scan run before the withdrawal must
/// find those words (or the test would pass by looking nowhere).
/// </summary>
public class WithdrawalEndToEndTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Pipeline = TimeSpan.FromMinutes(3), Deletion = TimeSpan.FromMinutes(3);

    private readonly LocalRunnerProcess _runner = new(new Dictionary<string, string> { ["Pipeline__DeletionSweepDelay"] = "00:00:03" });
    private ApiClient _api = null!;

    public async Task InitializeAsync()
    {
        await _runner.StartAsync();
        _api = new ApiClient(_runner.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _runner.DisposeAsync();
    }

    /// <summary>A word no other run of any test has written, lower case, nothing like a name.</summary>
    private static string Nonsense() => "zq" + new string(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(6).Select(c => (char)('k' + (c - 'a'))).ToArray()) + "vex";

    private sealed record Upload(string Id, string Marker);

    private async Task<Upload> UploadAsync(string study, string participants, string format, string marker, string? name = null)
    {
        var text = await File.ReadAllTextAsync(RepositoryPaths.Sample("transcripts/interview-service-user.txt"))
            + $"\n\nInterviewer: Anything else about the paperwork?\n\nParticipant: The {marker} forms took ages, honestly, "
            + (name is null ? "nobody explained them." : $"my mate {name} had to fill them in for me in the end.") + "\n";
        var fields = ApiClient.InterviewFields(participants);
        fields["format"] = format;
        var body = await ApiClient.EnsureAsync(await _api.UploadAsync(study, $"{marker}.txt", Encoding.UTF8.GetBytes(text), fields), HttpStatusCode.Accepted);
        return new Upload(body.GetProperty("recordingId").GetString()!, marker);
    }

    [Fact]
    public async Task WithdrawingAParticipant_AndDeletingARecording_LeaveNothingOfThemAnywhere()
    {
        var study = Azurite.UniqueStudyId("withdraw");
        await _api.SetUpStudyAsync(study);

        // P101's first interview is verified to the end (decisions, final transcript); the second waits for coders.
        var name = "Vorlaxian";
        var done = await UploadAsync(study, "P101:ServiceUser", "interview", Nonsense(), name);
        await _api.WaitForStatusAsync(done.Id, Pipeline, "WaitingForVerification", "Completed");
        await _api.DecideEverythingAsync(study);
        await _api.WaitForStatusAsync(done.Id, Pipeline, "Completed");
        var waiting = await UploadAsync(study, "P101:ServiceUser", "interview", Nonsense());
        var group = await UploadAsync(study, "P101:ServiceUser, P102:Worker", "focus-group", Nonsense());
        var other = await UploadAsync(study, "P102:Worker", "interview", Nonsense());
        foreach (var upload in new[] { waiting, group, other })
            await _api.WaitForStatusAsync(upload.Id, Pipeline, "WaitingForVerification", "Completed");
        // A coder holds a lease on some item, so lease rows are part of what must go.
        Assert.NotNull(await _api.ClaimAsync(study));

        string[] theirs = [done.Id, waiting.Id, done.Marker, waiting.Marker, name];
        var before = await StorageScan.FindAsync(theirs, _runner.TaskHub);
        output.WriteLine($"Before the withdrawal the scan finds their data in {before.Select(h => h.Where).Distinct().Count()} places.");
        // The scan looks where the data is: uploads, identifiable transcripts, the key, the queue, status rows, Durable history.
        foreach (var place in new[] { "blob raw-uploads/", "blob transcripts-identifiable/", "blob pseudonym-keys/", "blob transcripts-deidentified/", "blob transcripts-final/", "blob coding/",
                     "table VerificationQueue/", "table RecordingsByStudy/", "table RecordingStudies/", $"table {_runner.TaskHub}" })
            Assert.Contains(before, h => h.Where.StartsWith(place, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(before, h => h.Needle == name);

        // Without a choice about the group recording, nothing happens and the lead is told why.
        var refused = await ApiClient.ProblemAsync(await _api.SendJsonAsync(HttpMethod.Post, $"studies/{study}/participants/P101/withdrawal", ""), HttpStatusCode.Conflict);
        Assert.Contains(group.Id, refused.GetProperty("detail").GetString());
        Assert.Equal("Completed", (await _api.RecordingAsync(done.Id)).GetProperty("status").GetString());

        var accepted = await ApiClient.EnsureAsync(await _api.SendJsonAsync(HttpMethod.Post, $"studies/{study}/participants/p101/withdrawal",
            """{"groupRecordings": "keep"}"""), HttpStatusCode.Accepted);
        Assert.Equal(new[] { done.Id, waiting.Id }.Order(), accepted.GetProperty("recordings").EnumerateArray().Select(r => r.GetProperty("recordingId").GetString()).Order());
        Assert.Equal([group.Id], accepted.GetProperty("keptGroupRecordings").EnumerateArray().Select(r => r.GetString()));

        // A later upload with the withdrawn participant is refused, in any case of the id.
        var late = await _api.UploadAsync(study, "late.txt", Encoding.UTF8.GetBytes("Interviewer: Hello.\n\nParticipant: Hello again, this is a new recording.\n"), ApiClient.InterviewFields("p101:ServiceUser"));
        Assert.Contains("withdrew consent", (await ApiClient.ProblemAsync(late, HttpStatusCode.Conflict)).GetProperty("detail").GetString());

        var withdrawal = await WaitUntilAsync(async () =>
        {
            var state = await ApiClient.EnsureAsync(await _api.GetAsync($"studies/{study}/participants/P101/withdrawal"), HttpStatusCode.OK);
            return state.GetProperty("complete").GetBoolean() ? state : (JsonElement?)null;
        }, Deletion, "the withdrawal to complete");
        Assert.All(withdrawal.GetProperty("recordings").EnumerateArray(), r => Assert.Equal("Deleted", r.GetProperty("state").GetString()));
        foreach (var id in new[] { done.Id, waiting.Id })
            await ApiClient.ProblemAsync(await _api.GetAsync($"recordings/{id}"), HttpStatusCode.NotFound);

        var after = await ScanUntilCleanAsync(theirs, study, "the withdrawal");
        // Only ids remain, in the audit trail and the deletions' own records: no word of the transcripts.
        Assert.DoesNotContain(after, h => h.Needle == done.Marker || h.Needle == waiting.Marker || h.Needle == name);
        output.WriteLine($"After the withdrawal: nothing of theirs in any container, table or queue; {after.Count} mentions of their recording ids in the deletion records.");

        // The others' recordings are all still there and still work.
        var kept = await StorageScan.FindAsync([group.Marker, other.Marker], _runner.TaskHub);
        Assert.Contains(kept, h => h.Needle == group.Marker && h.Where.StartsWith("blob transcripts-identifiable/", StringComparison.Ordinal));
        Assert.Contains(kept, h => h.Needle == other.Marker && h.Where.StartsWith("blob raw-uploads/", StringComparison.Ordinal));
        await _api.DecideEverythingAsync(study);
        await _api.WaitForStatusAsync(other.Id, Pipeline, "Completed");

        // Deleting one recording does the same for that recording.
        var deleted = await ApiClient.EnsureAsync(await _api.SendJsonAsync(HttpMethod.Delete, $"recordings/{other.Id}", ""), HttpStatusCode.Accepted);
        Assert.Equal("Deleting", deleted.GetProperty("status").GetString());
        await WaitUntilAsync(async () => (await _api.GetAsync($"recordings/{other.Id}")).StatusCode == HttpStatusCode.NotFound ? true : (bool?)null, Deletion, "the recording to be deleted");
        await ScanUntilCleanAsync([other.Id, other.Marker], study, "the deletion");

        // The trail says what happened, and still verifies.
        var audit = await ApiClient.EnsureAsync(await _api.GetAsync($"studies/{study}/audit?max=500"), HttpStatusCode.OK);
        var actions = audit.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Single(actions, a => a == "ConsentWithdrawn");
        // Who, when, what, and from where: the runner sees the test's loopback address.
        var withdrawn = audit.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "ConsentWithdrawn");
        Assert.Equal("127.0.0.1", withdrawn.GetProperty("details").GetProperty("from").GetString());
        Assert.Equal(3, actions.Count(a => a == "RecordingDeleted"));
        var verified = await ApiClient.EnsureAsync(await _api.GetAsync($"studies/{study}/audit/verify"), HttpStatusCode.OK);
        Assert.True(verified.GetProperty("chain").GetProperty("intact").GetBoolean());
    }

    /// <summary>
    /// Scans until nothing but the record of the deletion is left. A terminated orchestration's timer
    /// (the verification recheck) stays in the control queue, invisible, until it fires and the runner
    /// drops it: it holds the instance id and the time, nothing else. So the scan is repeated for a
    /// little longer than the runner's recheck interval (20 s) before anything left counts as left behind.
    /// </summary>
    private async Task<IReadOnlyList<ScanHit>> ScanUntilCleanAsync(IReadOnlyCollection<string> needles, string study, string what)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var started = DateTime.UtcNow;
        while (true)
        {
            var hits = await StorageScan.FindAsync(needles, _runner.TaskHub);
            var left = hits.Where(h => !IsTheRecordOfTheDeletion(h, study)).ToList();
            if (left.Count == 0)
            {
                output.WriteLine($"After {what}: nothing left after {(DateTime.UtcNow - started).TotalSeconds:F0} s of rescanning.");
                return hits;
            }
            if (DateTime.UtcNow > until)
                Assert.Fail($"Left behind after {what}:\n" + string.Join("\n", left.Select(h => $"{h.Needle} in {h.Where}")));
            await Task.Delay(2000);
        }
    }

    /// <summary>
    /// The audit trail's events, the withdrawal's record and the deletion's own orchestration name the
    /// recording id (and nothing else of it): that is the record that the deletion happened.
    /// </summary>
    private bool IsTheRecordOfTheDeletion(ScanHit hit, string study) =>
        hit.Where.StartsWith($"table AuditTrail/{study}/", StringComparison.Ordinal)
        || hit.Where.StartsWith($"table ParticipantWithdrawals/{study}/", StringComparison.Ordinal)
        || (hit.Where.StartsWith($"table {_runner.TaskHub}", StringComparison.OrdinalIgnoreCase) && hit.Where.Contains("/delete:" + hit.Needle, StringComparison.Ordinal));

    private static async Task<T> WaitUntilAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what) where T : struct
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (await probe() is { } value) return value;
            await Task.Delay(500);
        }
        throw new TimeoutException($"Timed out waiting for {what}.");
    }
}
