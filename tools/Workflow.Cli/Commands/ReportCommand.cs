using Workflow.Cli.Api;
using Workflow.Cli.Progress;

namespace Workflow.Cli.Commands;

/// <summary>
/// <c>workflow report --study S [--report codes|throughput] [--format html|csv|png] [--chart codes|agreement] --out FILE</c>:
/// one of the study's reports, written safely (<see cref="SafeDownload"/>). <c>--chart</c> picks the
/// code report's PNG chart; the throughput report has one chart.
/// </summary>
internal static class ReportCommand
{
    public const string Usage = "workflow report --study S [--report codes|throughput] [--format html|csv|png] [--chart codes|agreement] --out FILE [--api URL] [identity]";

    private static readonly string[] Reports = ["codes", "throughput"];

    private static readonly string[] Formats = ["html", "csv", "png"];

    private static readonly string[] Charts = ["codes", "agreement"];

    private static readonly string[] Options = [.. ApiConnection.Options, "--study", "--report", "--format", "--chart", "--out"];

    public static async Task<int> RunAsync(IEnumerable<string> args, CliContext cli)
    {
        var a = Arguments.Parse(args, Options);
        if (a.Positional.Count > 0) throw new UsageException($"report takes no positional arguments ('{a.Positional[0]}').");
        var study = a.Required("--study");
        var format = (a.Option("--format") ?? "html").ToLowerInvariant();
        if (!Formats.Contains(format)) throw new UsageException($"--format must be one of {string.Join(", ", Formats)}.");
        var report = (a.Option("--report") ?? "codes").ToLowerInvariant();
        if (!Reports.Contains(report)) throw new UsageException($"--report must be one of {string.Join(", ", Reports)}.");
        var chart = a.Option("--chart")?.ToLowerInvariant();
        if (chart is not null && (!Charts.Contains(chart) || format != "png" || report != "codes"))
            throw new UsageException($"--chart goes with --report codes --format png and must be one of {string.Join(", ", Charts)}.");
        var output = SafeDownload.OutputPath(a.Required("--out"));
        var connection = ApiConnection.From(a.Option, cli.Environment);

        using var api = cli.Client(connection);
        var written = await SafeDownload.ToFileAsync(output, cli, (file, progress) => api.ReportAsync(study, report, format, chart, file, progress, cli.Cancellation));
        var what = report == "codes" ? "code report" : "throughput report";
        await cli.Out.WriteLineAsync($"wrote {output} ({ProgressText.Bytes(written)}, {what} as {format}{(chart is null ? "" : $", {chart} chart")})");
        return 0;
    }
}
