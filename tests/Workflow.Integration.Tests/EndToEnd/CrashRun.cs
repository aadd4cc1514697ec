using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Workflow.Integration.Tests.Infrastructure;

namespace Workflow.Integration.Tests.EndToEnd;

/// <summary>A recording the crash run uploaded, and the stage it was last seen in.</summary>
internal sealed class CrashRecording(string id, bool audio)
{
    public string Id { get; } = id;
    public bool Audio { get; } = audio;
    public string Stage { get; set; } = "Received";
    public string Status { get; set; } = "Running";
}

/// <summary>One SIGKILL: which stage it aimed at, and the stage its target recording was really in just before.</summary>
internal sealed record CrashKill(int Number, string Target, string RecordingId, string StageAtKill, string Detail, TimeSpan At);

/// <summary>A decision the API acknowledged (200): it must be in the final transcript, whatever was killed after it.</summary>
internal sealed record AcknowledgedDecision(string ItemId, string RecordingId, string Action);

/// <summary>
/// The state of a crash run: the runner that is killed and restarted, the recordings, every kill, and
/// every decision the API acknowledged. Decisions come from one coder, who claims, decides, and after a
/// restart carries on with whatever the queue offers (their own unfinished claim first).
/// </summary>
internal sealed class CrashRun(LocalRunnerProcess runner, ApiClient api, string study, Random random)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    public List<CrashRecording> Recordings { get; } = [];
    public List<CrashKill> Kills { get; } = [];
    public List<AcknowledgedDecision> Decisions { get; } = [];
    public List<TimeSpan> Starts { get; } = [];
    /// <summary>Decisions whose request was cut off by a kill (no answer): they may or may not have been stored.</summary>
    public int Unanswered { get; private set; }
    private int _redactions;
    private int _codes;

    public TimeSpan Elapsed => _clock.Elapsed;
    public Random Random => random;

    public string WorkDirectory => runner.WorkDirectory;

    /// <summary>Whether an activity holds audio in the runner's work area, i.e. transcription is really running.</summary>
    public bool IsTranscribing() =>
        Directory.Exists(runner.WorkDirectory) && Directory.EnumerateFiles(runner.WorkDirectory, "*", SearchOption.AllDirectories).Any();

    public async Task StartAsync()
    {
        await runner.StartAsync();
        Starts.Add(runner.LastStartTime);
    }

    public async Task<CrashRecording> UploadTranscriptAsync(int index) =>
        await UploadAsync($"crash-{index}.txt", await TranscriptAsync(index), audio: false);

    /// <summary>
    /// Kills the runner while a transcript's upload is in flight and, as a user whose upload failed
    /// would, uploads the same file again after the restart: accepted once or not at all, never lost.
    /// </summary>
    public async Task UploadDuringKillAsync(int index)
    {
        var content = await TranscriptAsync(index);
        var fields = ApiClient.InterviewFields($"P{Recordings.Count + 1:D3}:ServiceUser");
        var sending = api.UploadAsync(study, $"crash-{index}.txt", content, fields);
        await Task.Delay(random.Next(40));
        runner.Kill();
        string outcome;
        try { outcome = $"answered {(int)(await sending).StatusCode}"; }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { outcome = "cut off"; }
        await StartAsync();
        var again = await api.UploadAsync(study, $"crash-{index}.txt", content, fields);
        Assert.True(again.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK, $"the upload sent again was refused: {(int)again.StatusCode}");
        var recording = new CrashRecording((await ApiClient.EnsureAsync(again, again.StatusCode)).GetProperty("recordingId").GetString()!, audio: false);
        Recordings.Add(recording);
        Kills.Add(new CrashKill(Kills.Count + 1, CrashStages.Ingest, recording.Id, CrashStages.Uploading, $"upload in flight, {outcome}; sent again: {(int)again.StatusCode}", _clock.Elapsed));
    }

    /// <summary>
    /// The first half of the sample transcript (about ten items for coders: fewer decisions per
    /// recording keep the run short) with a last turn of its own, so each variant is a recording of its
    /// own (ids derive from the content); the unlisted name in it is a redaction to confirm or undo.
    /// </summary>
    private static async Task<byte[]> TranscriptAsync(int index)
    {
        var turns = (await File.ReadAllTextAsync(RepositoryPaths.Sample("transcripts/interview-service-user.txt"))).ReplaceLineEndings("\n").Split("\n\n");
        return Encoding.UTF8.GetBytes(string.Join("\n\n", turns.Take(6))
            + $"\n\nInterviewer: Thank you. That was interview {index} of the crash run; Dr Treharne sends his regards.\n");
    }

    public async Task<CrashRecording> UploadAudioAsync(string path) => await UploadAsync(Path.GetFileName(path), await File.ReadAllBytesAsync(path), audio: true);

    private async Task<CrashRecording> UploadAsync(string name, byte[] content, bool audio)
    {
        var fields = ApiClient.InterviewFields($"P{Recordings.Count + 1:D3}:ServiceUser");
        var response = await api.UploadAsync(study, name, content, fields);
        var body = await ApiClient.EnsureAsync(response, HttpStatusCode.Accepted);
        var recording = new CrashRecording(body.GetProperty("recordingId").GetString()!, audio);
        Recordings.Add(recording);
        return recording;
    }

    public async Task RefreshAsync(CrashRecording recording)
    {
        var body = await api.RecordingAsync(recording.Id);
        recording.Stage = body.GetProperty("stage").GetString()!;
        recording.Status = body.GetProperty("status").GetString()!;
        Assert.True(recording.Status != "Failed", $"{recording.Id} failed: {body}");
    }

    /// <summary>Polls until <paramref name="recording"/> is in one of <paramref name="stages"/> (and <paramref name="also"/> holds); false once it has gone past them.</summary>
    public async Task<bool> WaitForStageAsync(CrashRecording recording, string[] stages, Func<bool>? also = null, double timeoutSeconds = 60)
    {
        var until = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        var last = Array.IndexOf(CrashStages.Order, stages[^1]);
        while (DateTime.UtcNow < until)
        {
            await RefreshAsync(recording);
            if (stages.Contains(recording.Stage) && (also is null || also())) return true;
            if (Array.IndexOf(CrashStages.Order, recording.Stage) > last) return false;
            await Task.Delay(40);
        }
        throw new TimeoutException($"{recording.Id} did not reach {string.Join("/", stages)} within {timeoutSeconds} s (last {recording.Stage}, {recording.Status}):\n{runner.Log}");
    }

    /// <summary>SIGKILLs the runner after a random pause of up to <paramref name="maxDelayMs"/>, noting the target's stage just before, and starts it again.</summary>
    public async Task KillAndRestartAsync(string target, CrashRecording recording, int maxDelayMs, string detail = "")
    {
        if (maxDelayMs > 0) await Task.Delay(random.Next(maxDelayMs));
        var stage = (await api.RecordingAsync(recording.Id)).GetProperty("stage").GetString()!;
        runner.Kill();
        Kills.Add(new CrashKill(Kills.Count + 1, target, recording.Id, stage, detail, _clock.Elapsed));
        await StartAsync();
    }

    /// <summary>Claims the next item and decides it; null when the queue has nothing to offer.</summary>
    public async Task<AcknowledgedDecision?> DecideNextAsync(string? recordingId = null)
    {
        var (item, decision) = await ClaimWithDecisionAsync(recordingId);
        if (item is null) return null;
        await ApiClient.EnsureAsync(await api.DecideAsync(item.Value.Id, decision!), HttpStatusCode.OK);
        return Acknowledge(item.Value.Id, item.Value.RecordingId, decision!);
    }

    /// <summary>Sends a decision and kills the runner while it is in flight, so the API may or may not have acknowledged it.</summary>
    public async Task<bool> DecideDuringKillAsync(string target)
    {
        var (item, decision) = await ClaimWithDecisionAsync();
        if (item is null) return false;
        // The stage first: asking for it after sending would give the decision time to be answered.
        var stage = (await api.RecordingAsync(item.Value.RecordingId)).GetProperty("stage").GetString()!;
        var sending = api.DecideAsync(item.Value.Id, decision!);
        await Task.Delay(random.Next(15));
        runner.Kill();
        string outcome;
        try
        {
            var response = await sending;
            outcome = $"answered {(int)response.StatusCode}";
            if (response.StatusCode == HttpStatusCode.OK) Acknowledge(item.Value.Id, item.Value.RecordingId, decision!);
            else Unanswered++;
        }
        catch (HttpRequestException) { outcome = "cut off"; Unanswered++; }
        catch (TaskCanceledException) { outcome = "cut off"; Unanswered++; }
        Kills.Add(new CrashKill(Kills.Count + 1, target, item.Value.RecordingId, stage, "decision in flight, " + outcome, _clock.Elapsed));
        await StartAsync();
        return true;
    }

    private async Task<((string Id, string RecordingId)? Item, object? Decision)> ClaimWithDecisionAsync(string? onlyRecording = null)
    {
        if (await api.ClaimAsync(study, recordingId: onlyRecording) is not { } item) return (null, null);
        var id = item.GetProperty("id").GetString()!;
        // A decided item offered again would be coded twice (or its decision silently replaced).
        Assert.False(Decisions.Any(d => d.ItemId == id), $"the queue handed out {id} again after its decision was acknowledged");
        var recordingId = item.GetProperty("recordingId").GetString()!;
        // Mostly the common answers, and now and then the rarer ones, so every kind of decision must survive.
        object decision = item.GetProperty("kind").GetString() switch
        {
            "Redaction" => new { action = _redactions++ % 5 == 4 ? "undo" : "confirm" },
            "TranscriptCheck" => new { action = "confirm" },
            _ => new { action = _codes++ % 3 == 2 ? "reject" : "accept" },
        };
        return ((id, recordingId), decision);
    }

    private AcknowledgedDecision Acknowledge(string itemId, string recordingId, object decision)
    {
        var action = JsonSerializer.SerializeToElement(decision).GetProperty("action").GetString()!;
        var acknowledged = new AcknowledgedDecision(itemId, recordingId, action);
        Decisions.Add(acknowledged);
        return acknowledged;
    }

    /// <summary>Starts a batch re-running <paramref name="stage"/> for some recordings; returns its status path.</summary>
    public async Task<string> StartBatchAsync(string stage, IEnumerable<string> recordingIds)
    {
        var body = JsonSerializer.Serialize(new { stage, scope = new { recordings = recordingIds.ToArray() } });
        var started = await ApiClient.EnsureAsync(await api.SendJsonAsync(HttpMethod.Post, $"studies/{study}/reprocess", body), HttpStatusCode.Accepted);
        return started.GetProperty("statusUrl").GetString()!.TrimStart('/')["api/".Length..];
    }

    public async Task<JsonElement> BatchStatusAsync(string statusPath) =>
        await ApiClient.EnsureAsync(await api.GetAsync(statusPath), HttpStatusCode.OK);

    /// <summary>Polls until the recording is in <paramref name="stage"/>, from wherever it is (a re-run takes a completed recording back).</summary>
    public async Task<bool> WaitUntilInStageAsync(CrashRecording recording, string stage, double timeoutSeconds = 60)
    {
        var until = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < until)
        {
            await RefreshAsync(recording);
            if (recording.Stage == stage) return true;
            await Task.Delay(40);
        }
        return false;
    }

    /// <summary>
    /// Decides the items of one recording only, until it waits for nothing (all its items queued and
    /// decided); false if that takes longer than <paramref name="timeoutSeconds"/>.
    /// </summary>
    public async Task<bool> DecideAllOfAsync(TestStores stores, CrashRecording recording, double timeoutSeconds)
    {
        var until = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < until)
        {
            if (await DecideNextAsync(recording.Id) is not null) continue;
            await RefreshAsync(recording);
            if (!CrashStages.IsBefore(recording.Stage, "AwaitingVerification") && await AllDecidedAsync(stores, recording.Id)) return true;
            await Task.Delay(250);
        }
        return false;
    }

    /// <summary>Whether every item of the recording has been decided (read from the queue table itself).</summary>
    public async Task<bool> AllDecidedAsync(TestStores stores, string recordingId) =>
        (await stores.Verification.ListAsync(study, recordingId, CancellationToken.None))
            .All(i => i.Status == Workflow.Domain.Verification.VerificationItemStatus.Decided);
}
