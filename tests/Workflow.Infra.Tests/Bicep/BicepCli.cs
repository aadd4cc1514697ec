using System.Diagnostics;
using System.Reflection;

namespace Workflow.Infra.Tests.Bicep;

/// <summary>
/// The Bicep compiler from the NuGet package Azure.Bicep.CommandLine.linux-x64 (a PackageDownload of
/// this project, so restore puts it in the NuGet cache). NuGet does not keep the execute bit, so it
/// is set before the first run.
/// </summary>
public static class BicepCli
{
    public sealed record Result(int ExitCode, string Output, TimeSpan Duration)
    {
        /// <summary>Diagnostics of any level (the compiler and the linter print "path(line,col) : Level code: message").</summary>
        public IReadOnlyList<string> Diagnostics =>
            Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(l => l.Contains(" : Error ", StringComparison.Ordinal) || l.Contains(" : Warning ", StringComparison.Ordinal)
                            || l.Contains(" : Info ", StringComparison.Ordinal))
                .ToList();
    }

    public static string Executable { get; } = Locate();

    public static Result Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryFiles.Root,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        // No telemetry, no update checks: CI runs offline.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish in 3 minutes");
        }
        return new Result(process.ExitCode, stdout.Result + stderr.Result, clock.Elapsed);
    }

    private static string Locate()
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BicepExecutable").Value!;
        if (!File.Exists(path))
            throw new FileNotFoundException($"The Bicep compiler is not at {path}: restore tests/Workflow.Infra.Tests (it downloads Azure.Bicep.CommandLine.linux-x64).", path);
        var mode = File.GetUnixFileMode(path);
        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if ((mode & UnixFileMode.UserExecute) == 0) File.SetUnixFileMode(path, mode | execute);
        return path;
    }
}
