using Workflow.Domain.Ports;

namespace Workflow.Composition;

/// <summary>
/// The host's work area on local disk (<c>Pipeline:WorkDirectory</c>). Folders are created owner-only
/// because they hold raw audio and transcripts. The area belongs to one host process: two live hosts
/// must not share it, since each sweeps it at start-up.
/// </summary>
public sealed class WorkArea : IWorkArea
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public WorkArea(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = System.IO.Path.GetFullPath(root);
    }

    public string Root { get; }

    public IWorkFolder CreateFolder(string purpose)
    {
        if (string.IsNullOrWhiteSpace(purpose) || purpose.IndexOfAny(System.IO.Path.GetInvalidFileNameChars()) >= 0 || purpose.Contains('.'))
            throw new ArgumentException("A work folder's purpose is a plain word.", nameof(purpose));
        CreatePrivate(Root);
        var path = System.IO.Path.Combine(Root, $"{purpose}-{Guid.NewGuid():N}");
        CreatePrivate(path);
        return new Folder(path);
    }

    public int Sweep()
    {
        if (!Directory.Exists(Root)) return 0;
        var removed = 0;
        foreach (var entry in new DirectoryInfo(Root).EnumerateFileSystemInfos())
        {
            try
            {
                if (entry is DirectoryInfo folder) folder.Delete(recursive: true);
                else entry.Delete();
                removed++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Still open somewhere; the next start-up sweep removes it.
            }
        }
        return removed;
    }

    private static void CreatePrivate(string path)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, OwnerOnly);
    }

    private sealed class Folder(string path) : IWorkFolder
    {
        public string Path { get; } = path;

        public void Dispose()
        {
            try
            {
                if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A file still open (a child process being killed): the start-up sweep removes it.
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
