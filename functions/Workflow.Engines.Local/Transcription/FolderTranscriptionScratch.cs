using Workflow.Domain.Ports;

namespace Workflow.Engines.Local.Transcription;

/// <summary>
/// A transcription scratch in a private local folder, for transcribing in one process (the command line,
/// engine tests): the same pieces as the hosts' activities, with files moved rather than uploaded.
/// </summary>
public sealed class FolderTranscriptionScratch(string folder) : ITranscriptionScratch
{
    public Task SaveFileAsync(string name, string localPath, CancellationToken cancellationToken)
    {
        File.Move(localPath, PathOf(name), overwrite: true);
        return Task.CompletedTask;
    }

    public async Task ReadRangeAsync(string name, long offset, long length, Stream destination, CancellationToken cancellationToken)
    {
        await using var source = new FileStream(PathOf(name), FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous);
        source.Seek(offset, SeekOrigin.Begin);
        var buffer = new byte[81920];
        for (var left = length; left > 0;)
        {
            var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), cancellationToken);
            if (read == 0) throw new EndOfStreamException($"The scratch file '{name}' ends before the range asked for.");
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            left -= read;
        }
    }

    public Task LoadFileAsync(string name, string localPath, CancellationToken cancellationToken)
    {
        File.Copy(PathOf(name), localPath, overwrite: true);
        return Task.CompletedTask;
    }

    public async Task SaveTextAsync(string name, string content, CancellationToken cancellationToken)
    {
        // Written beside and renamed, so a reader never sees half a file.
        var temporary = PathOf(name) + ".part";
        await File.WriteAllTextAsync(temporary, content, cancellationToken);
        File.Move(temporary, PathOf(name), overwrite: true);
    }

    public Task<int> CountAsync(string namePrefix, CancellationToken cancellationToken) =>
        Task.FromResult(Directory.EnumerateFiles(folder, namePrefix + "*").Count(f => !f.EndsWith(".part", StringComparison.Ordinal)));

    public async Task<string?> LoadTextAsync(string name, CancellationToken cancellationToken) =>
        File.Exists(PathOf(name)) ? await File.ReadAllTextAsync(PathOf(name), cancellationToken) : null;

    private string PathOf(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name != Path.GetFileName(name))
            throw new ArgumentException("A scratch file's name is a plain file name.", nameof(name));
        return Path.Combine(folder, name);
    }
}
