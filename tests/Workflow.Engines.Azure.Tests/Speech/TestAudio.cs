using Workflow.Domain.Ports;

namespace Workflow.Engines.Azure.Tests.Speech;

/// <summary>
/// A recording as a cloud engine sees it: a read URL only. Asking for a local copy fails the test,
/// because a cloud engine must never bring the audio onto this machine.
/// </summary>
internal sealed class TestAudio(string recordingId = "rec-0001") : IAudioSource
{
    public static readonly Uri ReadUrl = new("https://qwstoreid.blob.core.windows.net/raw-uploads/study/rec-0001/source.wav?sv=2025-01-05&se=2026-12-02T14%3A00%3A00Z&sr=b&sp=r&sig=c2VjcmV0");

    public int ReadUrlRequests;
    public TimeSpan? Lifetime;

    public string RecordingId { get; } = recordingId;

    public string Extension => ".wav";

    public Task<IWorkFile> GetLocalCopyAsync(CancellationToken cancellationToken) =>
        throw new InvalidOperationException("A cloud engine asked for a local copy of the audio.");

    public Task<Uri> GetReadUrlAsync(TimeSpan lifetime, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref ReadUrlRequests);
        Lifetime = lifetime;
        return Task.FromResult(ReadUrl);
    }
}
