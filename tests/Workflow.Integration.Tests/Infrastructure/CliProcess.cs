using System.Diagnostics;

namespace Workflow.Integration.Tests.Infrastructure;

/// <summary>Runs the <c>workflow</c> command line as its own process, as a user would, and collects its output.</summary>
public static class CliProcess
{
    public sealed record Result(int ExitCode, string Out, string Err)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Err}";
    }

    public static async Task<Result> RunAsync(TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(RepositoryPaths.CliDll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // Only what the test passes: no identity or host from the machine running the tests.
        foreach (var name in new[] { "WORKFLOW_API", "WORKFLOW_USER", "WORKFLOW_ROLES", "WORKFLOW_TOKEN", "WORKFLOW_INTERVIEWER", "DOTNET_PROCESSOR_COUNT" })
            start.Environment.Remove(name);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"workflow {string.Join(' ', args)} did not finish within {timeout}:\n{await stdout}\n{await stderr}");
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
