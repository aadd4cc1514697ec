using System.ComponentModel;
using System.Diagnostics;
using Workflow.Domain.Ports;

namespace Workflow.Engines.Local.Transcription;

/// <summary>
/// Runs an external tool as a child process. Native engines run out of process so that a crash or
/// an exit() in a native library cannot take the host down, and so that a hung run can be killed.
/// </summary>
internal static class ProcessRunner
{
    /// <summary>Lines of stderr kept: enough for the final error, bounded for hours-long runs that log per utterance.</summary>
    private const int StandardErrorTailLines = 64;

    /// <summary>
    /// Runs <paramref name="executable"/> with <paramref name="arguments"/> passed one by one (never
    /// through a shell). Throws <see cref="EngineUnavailableException"/> when it cannot be started,
    /// <see cref="TimeoutException"/> after <paramref name="timeout"/>, and
    /// <see cref="OperationCanceledException"/> on cancellation; in both of the last cases the whole
    /// process tree is killed first. <paramref name="installHint"/> ends the not-found message,
    /// e.g. "install the Debian package 'ffmpeg'".
    /// </summary>
    public static async Task<ProcessResult> RunAsync(
        string executable,
        IEnumerable<string> arguments,
        string installHint,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var startInfo = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments) startInfo.ArgumentList.Add(argument);
        // Tools print decimals with the C library's locale; pin it so parsing never depends on the host.
        startInfo.Environment["LC_ALL"] = "C";

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new EngineUnavailableException(NotStartedMessage(executable, installHint, ex), ex);
        }

        // No tool here reads stdin; closing it stops any prompt from waiting forever.
        process.StandardInput.Close();
        // Both pipes are drained concurrently from the start: a child blocked on a full stderr pipe
        // while we wait on stdout is the classic deadlock.
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = ReadTailAsync(process.StandardError);

        using var timeoutSource = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException(
                $"{Path.GetFileName(executable)} did not finish within {timeout.TotalSeconds:0} s and was stopped.");
        }

        return new ProcessResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    private static async Task<IReadOnlyList<string>> ReadTailAsync(StreamReader reader)
    {
        var tail = new Queue<string>(StandardErrorTailLines);
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (tail.Count == StandardErrorTailLines) tail.Dequeue();
            tail.Enqueue(line);
        }
        return [.. tail];
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited between the cancellation and the kill.
        }
    }

    private static string NotStartedMessage(string executable, string installHint, Win32Exception ex)
    {
        var name = Path.GetFileName(executable);
        var where = executable.Contains(Path.DirectorySeparatorChar) ? $"at '{executable}'" : "on PATH";
        // ENOENT (2) is by far the common case; anything else (e.g. permission denied) keeps the OS reason.
        return ex.NativeErrorCode == 2
            ? $"{name} not found {where}: {installHint}"
            : $"{name} could not be started {where} ({ex.Message}): {installHint}";
    }
}
