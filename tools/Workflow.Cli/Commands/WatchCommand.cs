using Workflow.Cli.Api;
using Workflow.Cli.Progress;

namespace Workflow.Cli.Commands;

/// <summary>
/// <c>workflow watch --study S [--until waiting|completed]</c>: follows every recording of the study
/// until all reach the state; if any fail, prints their reasons and exits 1.
/// </summary>
internal static class WatchCommand
{
    public const string Usage = "workflow watch --study S [--until waiting|completed] [--interval SECONDS] [--timeout SECONDS] [--api URL] [identity]";

    private static readonly string[] Options = [.. ApiConnection.Options, "--study", "--until", "--interval", "--timeout"];

    public static async Task<int> RunAsync(IEnumerable<string> args, CliContext cli)
    {
        var a = Arguments.Parse(args, Options);
        if (a.Positional.Count > 0) throw new UsageException($"watch takes no positional arguments ('{a.Positional[0]}').");
        var study = a.Required("--study");
        var target = WatchProgress.ParseTarget(a.Option("--until") ?? "waiting") ?? throw new UsageException("--until must be waiting or completed.");
        var interval = a.Seconds("--interval", 1);
        var deadline = a.Option("--timeout") is null ? (DateTimeOffset?)null : DateTimeOffset.UtcNow + a.Seconds("--timeout", 0);
        var connection = ApiConnection.From(a.Option, cli.Environment);

        using var api = cli.Client(connection);
        var display = new LiveDisplay(cli.Out, cli.Interactive, cli.Width);
        while (true)
        {
            var recordings = (await api.RecordingsAsync(study, cli.Cancellation)).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
            if (recordings.Count == 0)
            {
                await cli.Error.WriteLineAsync($"error: study '{study}' has no recordings to watch.");
                return 1;
            }
            var verdict = WatchProgress.Evaluate(recordings, target);
            display.Show([.. recordings.Select(WatchProgress.Line), WatchProgress.Summary(verdict, target)]);
            if (verdict.Finished)
            {
                display.Finish();
                foreach (var failed in verdict.Failed)
                    await cli.Error.WriteLineAsync($"failed: {failed.Id} at {failed.Stage}: {failed.Error ?? "no reason given"}");
                return verdict.Succeeded ? 0 : 1;
            }
            if (deadline is { } d && DateTimeOffset.UtcNow > d)
            {
                display.Finish();
                await cli.Error.WriteLineAsync($"error: gave up after --timeout; {verdict.Reached} of {verdict.Total} recordings reached '{target.ToString().ToLowerInvariant()}'.");
                return 1;
            }
            await Task.Delay(interval, cli.Cancellation);
        }
    }
}
