using Workflow.Domain.Ports;

namespace Workflow.Engines.Local.Transcription;

/// <summary>
/// An audio file already on this machine as an <see cref="IAudioSource"/>, for command-line tools and
/// tests. The "local copy" is the file itself and is never deleted; there is no read URL, so engines
/// that fetch audio over HTTP cannot use it and say so.
/// </summary>
public sealed class LocalFileAudioSource(string recordingId, string path) : IAudioSource
{
    public string RecordingId { get; } = recordingId;

    public string Extension { get; } = System.IO.Path.GetExtension(path).ToLowerInvariant();

    public Task<IWorkFile> GetLocalCopyAsync(CancellationToken cancellationToken) =>
        File.Exists(path)
            ? Task.FromResult<IWorkFile>(new Borrowed(System.IO.Path.GetFullPath(path)))
            : throw new FileNotFoundException("The audio file does not exist.", path);

    public Task<Uri> GetReadUrlAsync(TimeSpan lifetime, CancellationToken cancellationToken) =>
        throw new EngineUnavailableException("This engine fetches audio from storage by URL; a local file has none. Upload the recording, or choose a local engine.");

    private sealed class Borrowed(string path) : IWorkFile
    {
        public string Path { get; } = path;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
