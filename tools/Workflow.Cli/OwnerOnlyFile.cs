namespace Workflow.Cli;

/// <summary>
/// Writes identifiable output (transcripts, findings) readable by the owner only. The text goes to a
/// new owner-only file beside the target, which then replaces it: an existing file's wider permissions
/// are not kept, and an interrupted run never leaves half a file under the real name.
/// </summary>
internal static class OwnerOnlyFile
{
    public static async Task WriteAsync(string path, string text, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            await using (var writer = new StreamWriter(new FileStream(temporary, options)))
                await writer.WriteAsync(text.AsMemory(), cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
