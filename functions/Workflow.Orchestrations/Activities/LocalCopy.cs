using Workflow.Orchestrations.Contracts;
using Workflow.Storage;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// A temporary local copy of an upload for engines that need a file path. Raw audio is identifiable:
/// the copy lives in a private per-recording folder and is deleted when disposed, also on failure.
/// </summary>
public sealed class LocalCopy : IAsyncDisposable
{
    private readonly string _folder;

    private LocalCopy(string folder, string path)
    {
        _folder = folder;
        Path = path;
    }

    public string Path { get; }

    internal static async Task<LocalCopy> DownloadAsync(RawUploadRepository uploads, RecordingPipelineInput input, string workDirectory, CancellationToken ct)
    {
        var folder = System.IO.Path.Combine(workDirectory, input.RecordingId + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var path = System.IO.Path.Combine(folder, "source" + System.IO.Path.GetExtension(input.FileName).ToLowerInvariant());
        var copy = new LocalCopy(folder, path);
        try
        {
            await uploads.DownloadToAsync(input.BlobName, path, ct);
            return copy;
        }
        catch
        {
            await copy.DisposeAsync();
            throw;
        }
    }

    /// <summary>Deletes audio copies and partial uploads left behind by a host that was killed. Call once at start-up.</summary>
    public static void SweepLeftovers(string workDirectory)
    {
        if (!Directory.Exists(workDirectory)) return;
        foreach (var folder in Directory.EnumerateDirectories(workDirectory, "rec-*"))
        {
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { /* in use by another host sharing the folder; it cleans up after itself */ }
        }
        // Uploads being received when the host died (see the API's multipart reader).
        foreach (var file in Directory.EnumerateFiles(workDirectory, "upload-*"))
        {
            try { File.Delete(file); }
            catch (IOException) { /* as above */ }
        }
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a locked file is removed by the next start-up sweep of the work directory.
        }
        return ValueTask.CompletedTask;
    }
}
