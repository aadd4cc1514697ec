using System.Net;
using System.Text.Json;
using Workflow.Domain.Verification;
using Workflow.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Workflow.Integration.Tests.EndToEnd;

/// <summary>
/// The runner is SIGKILLed at random points of every stage, at least 20 times, over a run of several
/// recordings (transcripts and short audio), and started again after each kill, while a coder keeps
/// deciding through the API (some decisions sent just before a kill, some cut off by one); an upload
/// and a batch re-running de-identification are killed too. In the end
/// every recording must complete, no queue item may exist twice, and every decision the API
/// acknowledged must be in the final transcript. The schedule is seeded (<c>CRASH_SEED</c> replays
/// another one) and each kill is reported with the stage its recording was really in.
/// </summary>
public class CrashRecoveryTests(ITestOutputHelper output)
{
    /// <summary>Rounds of one kill per stage; with the upload kill and the batch's two, 21 kills.</summary>
    private const int Rounds = 3;
    private const int DefaultSeed = 20261202;

    private static readonly Dictionary<string, string> Settings = new()
    {
        // After a kill, whatever the dead runner had dequeued comes back after this long: the main
        // wait of each restart besides the start itself. Each activity here takes well under it.
        ["LocalDurable__WorkItemVisibility"] = "00:00:04",
        // Each stage is a few queue hops; polling faster when idle shortens every restart's catch-up.
        ["LocalDurable__MaxQueuePollingInterval"] = "00:00:00.500",
        // A decision acknowledged just before a kill loses its signal; the re-check counts it.
        ["Pipeline__VerificationRecheck"] = "00:00:03",
    };

    [Fact]
    public async Task RunnerKilledAtLeastTwentyTimesAcrossEveryStage_CompletesEveryRecording_NoItemTwice_NoDecisionLost()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CRASH_SEED"), out var s) ? s : DefaultSeed;
        await using var runner = new LocalRunnerProcess(Settings);
        var audio = new Queue<string>(await MakeShortAudioAsync(runner.WorkDirectory + "-audio"));
        using var api = new ApiClient(runner.BaseAddress);
        var study = Azurite.UniqueStudyId("crash");
        var run = new CrashRun(runner, api, study, new Random(seed));
        var stores = await Azurite.StoresAsync();
        await run.StartAsync();
        await api.SetUpStudyAsync(study);

        var transcripts = 0;
        for (var round = 0; round < Rounds; round++)
        {
            await KillInIngestAsync(run, () => transcripts++, duringUpload: round == 0);
            await KillInTranscriptionAsync(run, audio);
            await KillInMachineStageAsync(run, CrashStages.Deidentification, "Deidentifying", () => transcripts++);
            await KillInMachineStageAsync(run, CrashStages.Coding, "Coding", () => transcripts++);
            await KillInVerificationAsync(run);
            await KillInFinalisationAsync(run, stores);
        }
        var batch = await KillDuringBatchAsync(run);
        // A kill that found no target (a recording went past its stage three times) is made up in verification.
        while (run.Kills.Count < 20) await KillInVerificationAsync(run);
        var killsOver = run.Elapsed;

        await DecideTheRestAsync(run);
        var batchStatus = await WaitForBatchAsync(run, batch);
        Assert.True(batchStatus.GetProperty("counts").GetProperty("failed").GetInt32() == 0, $"the batch re-run failed: {batchStatus}");
        var finals = new Dictionary<string, JsonElement>();
        foreach (var recording in run.Recordings)
        {
            var (done, _) = await api.WaitForStatusAsync(recording.Id, TimeSpan.FromMinutes(2), "Completed", "Failed");
            Assert.Equal("Completed", done.GetProperty("status").GetString());
            // A re-run's finaliser completes the recording; the first pipeline, still waiting for coders,
            // sees that at its next verification recheck (20 s here), so its instance may end a little later.
            var until = DateTime.UtcNow.AddMinutes(2);
            while (done.GetProperty("orchestration").GetProperty("runtimeStatus").GetString() == "Running" && DateTime.UtcNow < until)
            {
                await Task.Delay(1000);
                done = await api.RecordingAsync(recording.Id);
            }
            Assert.Equal("Completed", done.GetProperty("orchestration").GetProperty("runtimeStatus").GetString());
            finals[recording.Id] = (await ApiClient.EnsureAsync(await api.GetAsync($"recordings/{recording.Id}/transcript"), HttpStatusCode.OK)).GetProperty("transcript");
        }
        Report(run, seed, killsOver);

        var items = new Dictionary<string, VerificationItem>();
        foreach (var recording in run.Recordings)
        {
            var stored = await stores.Verification.ListAsync(study, recording.Id, CancellationToken.None);
            var twice = stored.GroupBy(SameWork).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(twice.Count == 0, $"{recording.Id} has queue items for the same work twice: {string.Join(", ", twice)}");
            foreach (var item in stored) items[item.Id] = item;
        }
        foreach (var decision in run.Decisions)
            AssertInFinal(decision, items[decision.ItemId], finals[decision.RecordingId]);

        // Audio copies are identifiable: none may outlive the kills that interrupted their transcription.
        Assert.Empty(Directory.Exists(run.WorkDirectory) ? Directory.GetFiles(run.WorkDirectory, "*", SearchOption.AllDirectories) : []);
        Assert.True(run.Kills.Count >= 20, $"only {run.Kills.Count} kills");
        var missed = CrashStages.Groups.Except(run.Kills.Select(k => CrashStages.GroupOf(k.StageAtKill))).ToList();
        Assert.True(missed.Count == 0, $"no kill landed in: {string.Join(", ", missed)}");
        Assert.Contains(run.Recordings, r => r.Audio);
    }

    /// <summary>Upload a transcript and kill while its pipeline takes it in (in the first round, while the upload itself is in flight).</summary>
    private static async Task KillInIngestAsync(CrashRun run, Func<int> nextTranscript, bool duringUpload)
    {
        if (duringUpload) await run.UploadDuringKillAsync(nextTranscript());
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var recording = await run.UploadTranscriptAsync(nextTranscript());
            if (!await run.WaitForStageAsync(recording, ["Ingesting"])) continue;
            await run.KillAndRestartAsync(CrashStages.Ingest, recording, maxDelayMs: 150);
            if (run.Kills[^1].StageAtKill == "Ingesting") return;
        }
    }

    /// <summary>Kill while PocketSphinx works on an audio recording (its work area holds the audio then).</summary>
    private static async Task KillInTranscriptionAsync(CrashRun run, Queue<string> audio)
    {
        foreach (var recording in run.Recordings.Where(r => r.Audio)) await run.RefreshAsync(recording);
        var target = run.Recordings.FirstOrDefault(r => r.Audio && !CrashStages.IsBefore("Transcribing", r.Stage));
        if (target is null && audio.TryDequeue(out var next)) target = await run.UploadAudioAsync(next);
        if (target is null) return;
        if (await run.WaitForStageAsync(target, ["Transcribing"], run.IsTranscribing))
            await run.KillAndRestartAsync(CrashStages.Transcription, target, maxDelayMs: 800, "audio in the work area");
    }

    /// <summary>Kill while a recording is in <paramref name="stage"/>: one still before it if there is one, else a new upload.</summary>
    private static async Task KillInMachineStageAsync(CrashRun run, string group, string stage, Func<int> nextTranscript)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            foreach (var r in run.Recordings.Where(r => r.Status == "Running")) await run.RefreshAsync(r);
            var target = run.Recordings.FirstOrDefault(r => !r.Audio && r.Status == "Running" && !CrashStages.IsBefore(stage, r.Stage))
                ?? await run.UploadTranscriptAsync(nextTranscript());
            if (!await run.WaitForStageAsync(target, [stage])) continue;
            await run.KillAndRestartAsync(group, target, maxDelayMs: 200);
            if (CrashStages.GroupOf(run.Kills[^1].StageAtKill) == group) return;
        }
    }

    /// <summary>A few decisions, then a kill: straight after the last acknowledged one, or while one is in flight.</summary>
    private static async Task KillInVerificationAsync(CrashRun run)
    {
        var random = run.Random;
        AcknowledgedDecision? last = null;
        var until = DateTime.UtcNow.AddSeconds(60);
        for (var n = random.Next(1, 4); n > 0 && DateTime.UtcNow < until;)
        {
            if (await run.DecideNextAsync() is { } decided) { last = decided; n--; }
            else await Task.Delay(250);
        }
        Assert.NotNull(last);
        if (random.Next(2) == 0 && await run.DecideDuringKillAsync(CrashStages.Verification)) return;
        await run.KillAndRestartAsync(CrashStages.Verification, run.Recordings.Single(r => r.Id == last.RecordingId), 0, "just after an acknowledged decision");
    }

    /// <summary>Decide until a recording has nothing left to decide, then kill while it is being finalised.</summary>
    private static async Task KillInFinalisationAsync(CrashRun run, TestStores stores)
    {
        var until = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < until)
        {
            if (await run.DecideNextAsync() is not { } decided) { await Task.Delay(250); continue; }
            if (!await run.AllDecidedAsync(stores, decided.RecordingId)) continue;
            var recording = run.Recordings.Single(r => r.Id == decided.RecordingId);
            try
            {
                if (!await run.WaitForStageAsync(recording, ["Finalizing"], timeoutSeconds: 20)) continue;
            }
            catch (TimeoutException) { continue; } // more of its items were still being queued
            await run.KillAndRestartAsync(CrashStages.Finalisation, recording, maxDelayMs: 150);
            if (CrashStages.GroupOf(run.Kills[^1].StageAtKill) == CrashStages.Finalisation) return;
        }
    }

    /// <summary>
    /// A batch re-runs de-identification (and so coding) of two recordings coders have finished: kill
    /// while the first is de-identified again, and while it is re-coded, after which it must keep
    /// every decision (nothing changed, so nothing may be asked again or lost).
    /// </summary>
    private static async Task<string> KillDuringBatchAsync(CrashRun run)
    {
        var stores = await Azurite.StoresAsync();
        var transcripts = run.Recordings.Where(r => !r.Audio).ToList();
        var decided = new List<CrashRecording>();
        foreach (var recording in transcripts)
            if (await run.AllDecidedAsync(stores, recording.Id)) decided.Add(recording);
        // On a loaded machine the finalisation kills' decision loops can run out of time before two
        // recordings are finished: finish the next ones, deciding only their own items, so the others keep
        // items for the verification kills still to come.
        foreach (var recording in transcripts.Except(decided))
        {
            if (decided.Count >= 2) break;
            if (await run.DecideAllOfAsync(stores, recording, timeoutSeconds: 120)) decided.Add(recording);
        }
        var done = new List<CrashRecording>();
        foreach (var recording in decided)
        {
            if (done.Count == 2) break;
            // Finalising waits for the decision signal and, after a kill, for the restarted runner to see the
            // dead one's work again: 30 s was too short once in CI while other suites ran beside it.
            if (await run.WaitUntilInStageAsync(recording, "Completed", 90)) done.Add(recording);
        }
        Assert.True(done.Count == 2, "fewer than two recordings were completed for the batch to re-run");
        var batch = await run.StartBatchAsync("deidentification", done.Select(r => r.Id));
        foreach (var stage in new[] { "Deidentifying", "Coding" })
            if (await run.WaitUntilInStageAsync(done[0], stage))
                await run.KillAndRestartAsync(CrashStages.GroupOf(stage), done[0], maxDelayMs: 200, "during a de-identification batch");
        return batch;
    }

    private static async Task<JsonElement> WaitForBatchAsync(CrashRun run, string statusPath)
    {
        var until = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var status = await run.BatchStatusAsync(statusPath);
            if (status.GetProperty("runtimeStatus").GetString() is "Completed" or "Failed" or "Terminated") return status;
            if (DateTime.UtcNow > until) throw new TimeoutException($"the batch did not finish: {status}");
            await Task.Delay(250);
        }
    }

    private static async Task DecideTheRestAsync(CrashRun run)
    {
        var until = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < until)
        {
            if (await run.DecideNextAsync() is not null) continue;
            foreach (var recording in run.Recordings) await run.RefreshAsync(recording);
            if (run.Recordings.All(r => r.Status == "Completed" || r.Stage == "Finalizing")) return;
            await Task.Delay(250);
        }
        throw new TimeoutException("the queue never emptied: " + string.Join(", ", run.Recordings.Select(r => $"{r.Id} {r.Stage} {r.Status}")));
    }

    /// <summary>Two items for the same work: the same words of a recording, or the same code on the same segment.</summary>
    private static string SameWork(VerificationItem item) => item.Kind switch
    {
        VerificationItemKind.Redaction => $"redaction {item.Redaction!.UtteranceIndex}:{item.Redaction.Start}-{item.Redaction.End}",
        VerificationItemKind.TranscriptCheck => $"passage {item.Passage!.UtteranceIndex}:{item.Passage.FirstWord}-{item.Passage.LastWord}",
        _ => $"code {item.Suggestion!.CodeId} on {item.Suggestion.SegmentId} (codebook v{item.Suggestion.CodebookVersion})",
    };

    private static void AssertInFinal(AcknowledgedDecision decision, VerificationItem item, JsonElement final)
    {
        Assert.True(item.Status == VerificationItemStatus.Decided && string.Equals(item.Decision!.Action.ToString(), decision.Action, StringComparison.OrdinalIgnoreCase),
            $"{decision.ItemId}: acknowledged as {decision.Action}, stored as {item.Status} {item.Decision?.Action}");
        if (item.Kind == VerificationItemKind.Redaction)
        {
            var kept = final.GetProperty("redactions").EnumerateArray().Any(r => r.GetProperty("id").GetString() == item.Redaction!.Id);
            Assert.True(kept == (decision.Action == "confirm"), $"{decision.ItemId}: {decision.Action} of redaction {item.Redaction!.Id}, but the final transcript {(kept ? "keeps" : "lacks")} it");
            return;
        }
        if (item.Kind == VerificationItemKind.TranscriptCheck) return; // confirmed: the text stays as recognised
        var segment = final.GetProperty("segments").EnumerateArray().Single(x => x.GetProperty("id").GetString() == item.Suggestion!.SegmentId);
        var applied = segment.GetProperty("codes").EnumerateArray().Any(c => c.GetProperty("codeId").GetString() == item.Suggestion!.CodeId);
        Assert.True(applied == (decision.Action == "accept"), $"{decision.ItemId}: {decision.Action} of {item.Suggestion!.CodeId}, but the final transcript {(applied ? "has" : "lacks")} it");
    }

    private void Report(CrashRun run, int seed, TimeSpan killsOver)
    {
        output.WriteLine($"Seed {seed}: {run.Kills.Count} kills survived over {killsOver.TotalSeconds:0} s; {run.Recordings.Count} recordings ({run.Recordings.Count(r => r.Audio)} audio) completed; total {run.Elapsed.TotalSeconds:0} s.");
        foreach (var group in CrashStages.Groups)
        {
            var stages = run.Kills.Where(k => CrashStages.GroupOf(k.StageAtKill) == group).GroupBy(k => k.StageAtKill).Select(g => $"{g.Count()} {g.Key}");
            output.WriteLine($"  kills in {group}: {run.Kills.Count(k => CrashStages.GroupOf(k.StageAtKill) == group)} ({string.Join(", ", stages)}; aimed at it: {run.Kills.Count(k => k.Target == group)})");
        }
        output.WriteLine($"Runner starts: {run.Starts.Count}, mean {run.Starts.Average(t => t.TotalSeconds):0.00} s, longest {run.Starts.Max().TotalSeconds:0.00} s.");
        output.WriteLine($"Decisions acknowledged: {run.Decisions.Count} ({string.Join(", ", run.Decisions.GroupBy(d => d.Action).Select(g => $"{g.Count()} {g.Key}"))}); cut off by a kill: {run.Unanswered}.");
        foreach (var kill in run.Kills)
            output.WriteLine($"  #{kill.Number,2} at {kill.At.TotalSeconds,6:0.0} s aimed at {kill.Target,-18} {kill.RecordingId} was {kill.StageAtKill} {kill.Detail}");
    }

    /// <summary>Three short spoken recordings (a few seconds each), so transcription can be killed more than once.</summary>
    private static async Task<List<string>> MakeShortAudioAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        string[] scripts =
        [
            "My keyworker helps me a lot.\nI go to the user group every week now.",
            "We talk about the service and what could be better.\nNobody asked me what I thought before.",
            "They paid my bus fare and gave us a free lunch.\nI want to give something back.",
        ];
        var files = new List<string>();
        for (var i = 0; i < scripts.Length; i++)
        {
            var script = Path.Combine(folder, $"crash-audio-{i + 1}.txt");
            await File.WriteAllTextAsync(script, scripts[i]);
            files.Add(script);
        }
        return [.. await Task.WhenAll(files.Select(f => SampleAudio.MakeAsync(folder, f)))];
    }
}
