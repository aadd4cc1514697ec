using Workflow.Composition;
using Workflow.Domain.Ports;
using Workflow.Storage;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// A raw upload in the identifiable store as an <see cref="IAudioSource"/>: a local copy in the work
/// area for engines that decode on this machine, a short-lived read URL for engines that fetch.
/// </summary>
public sealed class StoredAudioSource(RawUploadRepository uploads, IWorkArea workArea, TimeProvider time, string recordingId, string blobName)
    : IAudioSource
{
    public string RecordingId { get; } = recordingId;

    public string Extension { get; } = System.IO.Path.GetExtension(blobName).ToLowerInvariant();

    public async Task<IWorkFile> GetLocalCopyAsync(CancellationToken cancellationToken)
    {
        var file = new WorkFile(workArea.CreateFolder("audio"), "source" + Extension);
        try
        {
            await uploads.DownloadToAsync(blobName, file.Path, cancellationToken);
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    public Task<Uri> GetReadUrlAsync(TimeSpan lifetime, CancellationToken cancellationToken)
    {
        if (lifetime <= TimeSpan.Zero || lifetime > TimeSpan.FromDays(1))
            throw new ArgumentOutOfRangeException(nameof(lifetime), "A read URL lives between a moment and a day.");
        return uploads.GetReadUrlAsync(blobName, lifetime, time.GetUtcNow(), cancellationToken);
    }
}
