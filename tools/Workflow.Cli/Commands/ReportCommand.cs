using Workflow.Cli.Api;
using Workflow.Cli.Progress;

namespace Workflow.Cli.Commands;

/// <summary><c>workflow report --study S [--format html|csv|png] --out FILE</c>: the study's code report, written safely (<see cref="SafeDownload"/>).</summary>
internal static class ReportCommand
{
    public const string Usage = "workflow report --study S [--format html|csv|png] --out FILE [--api URL] [identity]";

    private static readonly string[] Formats = ["html", "csv", "png"];

    private static readonly string[] Options = [.. ApiConnection.Options, "--study", "--format", "--out"];

    public static async Task<int> RunAsync(IEnumerable<string> args, CliContext cli)
    {
        var a = Arguments.Parse(args, Options);
        if (a.Positional.Count > 0) throw new UsageException($"report takes no positional arguments ('{a.Positional[0]}').");
        var study = a.Required("--study");
        var format = (a.Option("--format") ?? "html").ToLowerInvariant();
        if (!Formats.Contains(format)) throw new UsageException($"--format must be one of {string.Join(", ", Formats)}.");
        var output = SafeDownload.OutputPath(a.Required("--out"));
        var connection = ApiConnection.From(a.Option, cli.Environment);

        using var api = cli.Client(connection);
        var written = await SafeDownload.ToFileAsync(output, cli, (file, progress) => api.ReportAsync(study, format, file, progress, cli.Cancellation));
        await cli.Out.WriteLineAsync($"wrote {output} ({ProgressText.Bytes(written)}, code report as {format})");
        return 0;
    }
}
