using System.Diagnostics;
using Workflow.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Workflow.Integration.Tests.EndToEnd;

/// <summary>
/// Durability: the runner is killed (SIGKILL, no shutdown) mid-pipeline and started again on the
/// same task hub; every recording must still finish. This is what "nothing accepted is lost" means
/// for a researcher whose laptop crashes during a long transcription.
/// </summary>
public class KillAndRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RunnerKilledDuringTranscriptionAndDuringVerification_FinishesEverythingAfterRestart()
    {
        await using var runner = new LocalRunnerProcess();
        await runner.StartAsync();
        using var api = new ApiClient(runner.BaseAddress);
        var study = Azurite.UniqueStudyId("kill");
        await api.SetUpStudyAsync(study);

        // A minute of speech, so transcription is still running when the runner is killed.
        var script = Path.Combine(runner.WorkDirectory + "-audio", "long-script.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(script)!);
        await File.WriteAllTextAsync(script, string.Concat(Enumerable.Repeat(await File.ReadAllTextAsync(RepositoryPaths.Sample("audio-script.txt")) + "\n", 5)));
        var audio = await SampleAudio.MakeAsync(Path.GetDirectoryName(script)!, script);

        var transcriptId = await api.UploadOkAsync(study, RepositoryPaths.Sample("transcripts/interview-service-user.txt"), "P001:ServiceUser");
        await api.WaitForStatusAsync(transcriptId, TimeSpan.FromMinutes(2), "WaitingForVerification");
        var audioId = await api.UploadOkAsync(study, audio, "P002:ServiceUser");
        await WaitForStageAsync(api, audioId, "Transcribing");

        runner.Kill();
        output.WriteLine("Killed the runner while the audio was transcribing and the transcript waited for verification.");
        // The killed process leaves its copies of the audio behind (identifiable material).
        var orphans = Directory.Exists(runner.WorkDirectory) ? Directory.GetFileSystemEntries(runner.WorkDirectory) : [];
        output.WriteLine($"Left in the work area by the kill: {orphans.Length} folder(s).");
        var restart = Stopwatch.StartNew();
        await runner.StartAsync();
        Assert.All(orphans, o => Assert.False(Path.Exists(o), "the start-up sweep left an orphan of the killed run"));

        var (waiting, _) = await api.WaitForStatusAsync(audioId, TimeSpan.FromMinutes(3), "WaitingForVerification", "Failed");
        Assert.Equal("WaitingForVerification", waiting.GetProperty("status").GetString());
        output.WriteLine($"Audio reached WaitingForVerification {restart.Elapsed.TotalSeconds:0.0} s after the restart.");
        // Transcription has ended: no audio copy, decoded audio or upload may remain anywhere in the work area.
        // A work item redelivered after the kill may still be finishing a duplicate attempt, which deletes its
        // copy when it ends: allowed a minute, never left for good.
        string[] left = [];
        for (var until = DateTime.UtcNow.AddMinutes(1); ; await Task.Delay(500))
        {
            left = Directory.Exists(runner.WorkDirectory) ? Directory.GetFiles(runner.WorkDirectory, "*", SearchOption.AllDirectories) : [];
            if (left.Length == 0 || DateTime.UtcNow > until) break;
        }
        Assert.Empty(left);

        await api.DecideEverythingAsync(study);
        foreach (var id in new[] { transcriptId, audioId })
        {
            var (done, _) = await api.WaitForStatusAsync(id, TimeSpan.FromMinutes(2), "Completed", "Failed");
            Assert.Equal("Completed", done.GetProperty("status").GetString());
        }
        output.WriteLine($"Both recordings completed {restart.Elapsed.TotalSeconds:0.0} s after the restart.");
    }

    private static async Task WaitForStageAsync(ApiClient api, string recordingId, string stage)
    {
        var until = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < until)
        {
            var recording = await api.RecordingAsync(recordingId);
            if (recording.GetProperty("stage").GetString() == stage) return;
            Assert.NotEqual("WaitingForVerification", recording.GetProperty("status").GetString());
            await Task.Delay(100);
        }
        throw new TimeoutException($"{recordingId} never reached {stage}.");
    }
}
