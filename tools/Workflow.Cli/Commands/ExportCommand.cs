using Workflow.Cli.Api;
using Workflow.Cli.Progress;

namespace Workflow.Cli.Commands;

/// <summary>
/// <c>workflow export --study S --format F --out FILE</c>: streams the export to a hidden temporary
/// file beside FILE and renames it into place only when complete, so a failed or interrupted
/// download never leaves a half-written FILE (or replaces a good one).
/// </summary>
internal static class ExportCommand
{
    public const string Usage = "workflow export --study S --format qdpx|csv|json|docx --out FILE [--api URL] [identity]";

    private static readonly string[] Formats = ["qdpx", "csv", "json", "docx"];

    private static readonly string[] Options = [.. ApiConnection.Options, "--study", "--format", "--out"];

    public static async Task<int> RunAsync(IEnumerable<string> args, CliContext cli)
    {
        var a = Arguments.Parse(args, Options);
        if (a.Positional.Count > 0) throw new UsageException($"export takes no positional arguments ('{a.Positional[0]}').");
        var study = a.Required("--study");
        var format = a.Required("--format").ToLowerInvariant();
        if (!Formats.Contains(format)) throw new UsageException($"--format must be one of {string.Join(", ", Formats)}.");
        var output = Path.GetFullPath(a.Required("--out"));
        var directory = Path.GetDirectoryName(output)!;
        if (!Directory.Exists(directory)) throw new UsageException($"no such folder for --out: {directory}");
        if (Directory.Exists(output)) throw new UsageException($"--out is a folder; give a file name: {output}");
        var connection = ApiConnection.From(a.Option, cli.Environment);

        using var api = cli.Client(connection);
        var display = new LiveDisplay(cli.Out, cli.Interactive, cli.Width);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(output)}.{Guid.NewGuid():N}.part");
        long written = 0;
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
            // Exports are de-identified, but still study material: owner-only until the user shares them.
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            await using (var file = new FileStream(temporary, options))
            {
                var lastShown = DateTime.MinValue;
                await api.ExportAsync(study, format, file, (bytes, total) =>
                {
                    written = bytes;
                    if (!cli.Interactive || DateTime.UtcNow - lastShown < TimeSpan.FromMilliseconds(100)) return;
                    lastShown = DateTime.UtcNow;
                    display.Show([ProgressText.UploadLine(Path.GetFileName(output), bytes, total ?? 0)]);
                }, cli.Cancellation);
                await file.FlushAsync(cli.Cancellation);
            }
            File.Move(temporary, output, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
        display.Finish();
        await cli.Out.WriteLineAsync($"wrote {output} ({ProgressText.Bytes(written)}, {format})");
        return 0;
    }
}
