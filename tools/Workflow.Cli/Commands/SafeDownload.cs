using Workflow.Cli.Progress;

namespace Workflow.Cli.Commands;

/// <summary>
/// Writes a download to a hidden temporary file beside the output (owner-only) and renames it into
/// place only when complete, so a failed or interrupted download never leaves a half-written file
/// (or replaces a good one). Shared by <c>export</c> and <c>report</c>.
/// </summary>
internal static class SafeDownload
{
    /// <summary>The full output path, checked before anything is asked of the host.</summary>
    public static string OutputPath(string given)
    {
        var output = Path.GetFullPath(given);
        var directory = Path.GetDirectoryName(output)!;
        if (!Directory.Exists(directory)) throw new UsageException($"no such folder for --out: {directory}");
        if (Directory.Exists(output)) throw new UsageException($"--out is a folder; give a file name: {output}");
        return output;
    }

    /// <summary>Runs <paramref name="download"/> into the temporary file with a progress line; returns the bytes written.</summary>
    public static async Task<long> ToFileAsync(string output, CliContext cli, Func<Stream, Action<long, long?>, Task> download)
    {
        var display = new LiveDisplay(cli.Out, cli.Interactive, cli.Width);
        var temporary = Path.Combine(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.{Guid.NewGuid():N}.part");
        long written = 0;
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
            // Exports are study material (identifiable ones most of all): owner-only until the user shares them.
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            await using (var file = new FileStream(temporary, options))
            {
                var lastShown = DateTime.MinValue;
                await download(file, (bytes, total) =>
                {
                    written = bytes;
                    if (!cli.Interactive || DateTime.UtcNow - lastShown < TimeSpan.FromMilliseconds(100)) return;
                    lastShown = DateTime.UtcNow;
                    display.Show([ProgressText.UploadLine(Path.GetFileName(output), bytes, total ?? 0)]);
                });
                await file.FlushAsync(cli.Cancellation);
            }
            File.Move(temporary, output, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
        display.Finish();
        return written;
    }
}
