using Workflow.Cli.Api;
using Workflow.Cli.Progress;

namespace Workflow.Cli.Commands;

/// <summary>
/// <c>workflow export --study S --format F --out FILE</c>: streams the export safely to FILE
/// (<see cref="SafeDownload"/>). <c>--identifiable PURPOSE</c> asks for the words behind the labels,
/// for one of the API's purposes; <c>--participant ID</c> narrows it to one participant's recordings;
/// <c>--memos false</c> leaves coders' notes out.
/// </summary>
internal static class ExportCommand
{
    public const string Usage = "workflow export --study S --format qdpx|csv|json|docx --out FILE [--identifiable PURPOSE] [--participant ID] [--memos true|false] [--api URL] [identity]";

    private static readonly string[] Formats = ["qdpx", "csv", "json", "docx"];

    private static readonly string[] Options = [.. ApiConnection.Options, "--study", "--format", "--out", "--identifiable", "--participant", "--memos"];

    public static async Task<int> RunAsync(IEnumerable<string> args, CliContext cli)
    {
        var a = Arguments.Parse(args, Options);
        if (a.Positional.Count > 0) throw new UsageException($"export takes no positional arguments ('{a.Positional[0]}').");
        var study = a.Required("--study");
        var format = a.Required("--format").ToLowerInvariant();
        if (!Formats.Contains(format)) throw new UsageException($"--format must be one of {string.Join(", ", Formats)}.");
        var query = Query(a);
        var output = SafeDownload.OutputPath(a.Required("--out"));
        var connection = ApiConnection.From(a.Option, cli.Environment);

        using var api = cli.Client(connection);
        var written = await SafeDownload.ToFileAsync(output, cli, (file, progress) => api.ExportAsync(study, format, query, file, progress, cli.Cancellation));
        var kind = a.Option("--identifiable") is { } purpose ? $"{format}, IDENTIFIABLE for {purpose}: recorded in the audit trail" : format;
        await cli.Out.WriteLineAsync($"wrote {output} ({ProgressText.Bytes(written)}, {kind})");
        return 0;
    }

    /// <summary>The export's query string; the host checks the purpose and participant, the CLI only their presence.</summary>
    private static string Query(Arguments a)
    {
        var parts = new List<string>();
        if (a.Option("--identifiable") is { } purpose) parts.Add($"identifiable=true&purpose={Uri.EscapeDataString(purpose)}");
        if (a.Option("--participant") is { } participant) parts.Add($"participant={Uri.EscapeDataString(participant)}");
        if (a.Option("--memos") is { } memos)
            parts.Add(memos.ToLowerInvariant() is "true" or "false" ? $"memos={memos.ToLowerInvariant()}" : throw new UsageException("--memos must be true or false."));
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
