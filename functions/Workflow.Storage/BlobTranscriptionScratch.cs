using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Workflow.Domain.Ports;

namespace Workflow.Storage;

/// <summary>
/// A recording's transcription scratch in the identifiable uploads container, under the recording's own
/// prefix (<c>{study}/{recording}/transcription/{run}/</c>), so that erasing the recording, or retention
/// removing its audio, removes the scratch too. Every worker of the app reads the same blobs, so the
/// pieces of one transcription may run on different machines.
/// </summary>
public sealed class BlobTranscriptionScratch(BlobContainerClient container, string prefix) : ITranscriptionScratch
{
    /// <summary>The prefix every run's scratch of a recording lives under.</summary>
    public static string RecordingPrefix(string studyId, string recordingId) => $"{studyId}/{recordingId}/transcription/";

    /// <summary>The scratch of one run (<paramref name="runId"/> null for the first pass).</summary>
    public static BlobTranscriptionScratch For(BlobContainerClient container, string studyId, string recordingId, string? runId) =>
        new(container, RecordingPrefix(studyId, recordingId) + (string.IsNullOrEmpty(runId) ? "first" : runId) + "/");

    public string Prefix { get; } = prefix;

    public async Task SaveFileAsync(string name, string localPath, CancellationToken cancellationToken) =>
        await Blob(name).UploadAsync(localPath, overwrite: true, cancellationToken);

    public async Task ReadRangeAsync(string name, long offset, long length, Stream destination, CancellationToken cancellationToken)
    {
        if (length <= 0) return;
        var response = await Blob(name).DownloadStreamingAsync(new BlobDownloadOptions { Range = new HttpRange(offset, length) }, cancellationToken);
        await using var content = response.Value.Content;
        await content.CopyToAsync(destination, cancellationToken);
    }

    public async Task LoadFileAsync(string name, string localPath, CancellationToken cancellationToken) =>
        await Blob(name).DownloadToAsync(localPath, cancellationToken);

    public async Task SaveTextAsync(string name, string content, CancellationToken cancellationToken) =>
        await Blob(name).UploadAsync(BinaryData.FromString(content), overwrite: true, cancellationToken);

    public async Task<string?> LoadTextAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var result = await Blob(name).DownloadContentAsync(cancellationToken);
            return result.Value.Content.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<int> CountAsync(string namePrefix, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in container.GetBlobsAsync(new GetBlobsOptions { Prefix = Prefix + namePrefix }, cancellationToken)) count++;
        return count;
    }

    /// <summary>Deletes this run's scratch; returns how many blobs went.</summary>
    public Task<int> DeleteAsync(CancellationToken cancellationToken) => BlobPrefix.DeleteAsync(container, Prefix, cancellationToken);

    private BlobClient Blob(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Contains('/') || name.Contains(".."))
            throw new ArgumentException("A scratch file's name is a plain file name.", nameof(name));
        return container.GetBlobClient(Prefix + name);
    }
}
