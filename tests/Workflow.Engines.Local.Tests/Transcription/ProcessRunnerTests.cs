using System.Diagnostics;
using Workflow.Domain.Ports;
using Workflow.Engines.Local.Transcription;

namespace Workflow.Engines.Local.Tests.Transcription;

public sealed class ProcessRunnerTests
{
    private static Task<ProcessResult> Sh(string script, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        ProcessRunner.RunAsync("sh", ["-c", script], "install sh", timeout ?? TimeSpan.FromSeconds(30), cancellationToken);

    [Fact]
    public async Task RunAsync_LargeOutputOnBothStreams_IsCapturedWithoutDeadlock()
    {
        // 1 MB on each pipe: far beyond the pipe buffer, so sequential reading would hang.
        var result = await Sh("i=0; while [ $i -lt 16 ]; do head -c 65536 /dev/zero | tr '\\0' o; head -c 65536 /dev/zero | tr '\\0' e >&2; i=$((i+1)); done; echo; echo >&2; echo last error >&2; exit 3");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(16 * 65536 + 1, result.StandardOutput.Length);
        Assert.Equal("last error", result.LastErrorLine(_ => true));
    }

    [Fact]
    public async Task RunAsync_Arguments_ArePassedVerbatimWithoutAShell()
    {
        var result = await ProcessRunner.RunAsync("printf", ["%s|", "a b", "$HOME", "; rm -rf x", "'q'"], "install coreutils", TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal("a b|$HOME|; rm -rf x|'q'|", result.StandardOutput);
    }

    [Fact]
    public async Task RunAsync_MissingExecutableOnPath_ThrowsEngineUnavailableNamingThePackage()
    {
        var ex = await Assert.ThrowsAsync<EngineUnavailableException>(() =>
            ProcessRunner.RunAsync("no-such-tool-x1", [], "install the Debian package 'ffmpeg'", TimeSpan.FromSeconds(5), CancellationToken.None));

        Assert.Equal("no-such-tool-x1 not found on PATH: install the Debian package 'ffmpeg'", ex.Message);
    }

    [Fact]
    public async Task RunAsync_MissingExecutableAtPath_SaysWhereItLooked()
    {
        var ex = await Assert.ThrowsAsync<EngineUnavailableException>(() =>
            ProcessRunner.RunAsync("/nonexistent/ffmpeg", [], "install the Debian package 'ffmpeg'", TimeSpan.FromSeconds(5), CancellationToken.None));

        Assert.Contains("at '/nonexistent/ffmpeg'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Timeout_KillsTheWholeProcessTree()
    {
        using var folder = new TempFolder();
        var pidFile = folder.File("grandchild.pid");
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<TimeoutException>(() => Sh($"sleep 60 & echo $! > '{pidFile}'; wait", TimeSpan.FromSeconds(1)));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20));
        var grandchild = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await ExitsWithinAsync(grandchild, TimeSpan.FromSeconds(5)), "the grandchild 'sleep' survived the kill");
    }

    [Fact]
    public async Task RunAsync_Cancelled_ThrowsOperationCanceled()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Sh("sleep 60", cancellationToken: cancellation.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20));
    }

    private static async Task<bool> ExitsWithinAsync(int pid, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            // Gone, or a zombie waiting for init to reap it: either way it no longer runs.
            var stat = $"/proc/{pid}/stat";
            if (!File.Exists(stat)) return true;
            try
            {
                if (File.ReadAllText(stat).Split(' ')[2] == "Z") return true;
            }
            catch (IOException)
            {
                return true;
            }
            await Task.Delay(100);
        }
        return false;
    }
}
