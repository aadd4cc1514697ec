using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using Workflow.Storage.Sas;

namespace Workflow.Storage;

/// <summary>
/// Uploaded files exactly as received (identifiable account). They are written once and kept, so an
/// upload that was accepted is never lost, whatever later stages do.
/// </summary>
public sealed class RawUploadRepository(BlobContainerClient rawUploads)
{
    /// <summary>Blob name of a recording's source file; the extension is kept so engines can tell formats apart.</summary>
    public static string NameOf(string studyId, string recordingId, string extension) =>
        $"{studyId}/{recordingId}/source{extension.ToLowerInvariant()}";

    /// <summary>Metadata key of the file name the upload arrived with (URI-escaped: metadata is ASCII).</summary>
    public const string OriginalNameMetadata = "originalname";

    /// <summary>
    /// Stores the file unless it is already there (a duplicate upload or a retried request). The
    /// original file name is kept here, in the identifiable store, and nowhere else.
    /// </summary>
    public async Task SaveAsync(string blobName, Stream content, string contentType, string originalFileName, CancellationToken ct, string? interviewer = null, string? notes = null)
    {
        var metadata = new Dictionary<string, string> { [OriginalNameMetadata] = Uri.EscapeDataString(originalFileName) };
        if (interviewer is not null) metadata[InterviewerMetadata] = Uri.EscapeDataString(interviewer);
        if (notes is not null) metadata[NotesMetadata] = Uri.EscapeDataString(notes);
        try
        {
            await rawUploads.GetBlobClient(blobName).UploadAsync(content, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Metadata = metadata,
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, ct);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Same name means same study and content hash: the bytes are identical, nothing to do.
        }
    }

    /// <summary>Metadata keys of the upload's free-text fields, which may name people.</summary>
    public const string InterviewerMetadata = "interviewer";
    public const string NotesMetadata = "notes";

    /// <summary>The free-text fields given with the upload (identifiable), or nulls when there were none.</summary>
    public async Task<(string? Interviewer, string? Notes)> GetFreeTextAsync(string blobName, CancellationToken ct)
    {
        var properties = await rawUploads.GetBlobClient(blobName).GetPropertiesAsync(cancellationToken: ct);
        string? Read(string key) => properties.Value.Metadata.TryGetValue(key, out var v) ? Uri.UnescapeDataString(v) : null;
        return (Read(InterviewerMetadata), Read(NotesMetadata));
    }

    /// <summary>Deletes a recording's upload as received (its audio, under retention); returns how many blobs went.</summary>
    public Task<int> DeleteSourceAsync(string studyId, string recordingId, CancellationToken ct) =>
        BlobPrefix.DeleteAsync(rawUploads, $"{studyId}/{recordingId}/", ct);

    /// <summary>The scratch of one transcription run of a recording (<paramref name="runId"/> null for the first pass).</summary>
    public BlobTranscriptionScratch TranscriptionScratch(string studyId, string recordingId, string? runId) =>
        BlobTranscriptionScratch.For(rawUploads, studyId, recordingId, runId);

    /// <summary>Deletes the scratch other transcription runs of a recording left behind (they failed or were replaced).</summary>
    public async Task<int> DeleteOtherTranscriptionScratchAsync(string studyId, string recordingId, string? runId, CancellationToken ct)
    {
        var keep = TranscriptionScratch(studyId, recordingId, runId).Prefix;
        var names = new List<string>();
        await foreach (var blob in rawUploads.GetBlobsAsync(new GetBlobsOptions { Prefix = BlobTranscriptionScratch.RecordingPrefix(studyId, recordingId) }, ct))
            if (!blob.Name.StartsWith(keep, StringComparison.Ordinal)) names.Add(blob.Name);
        foreach (var name in names) await rawUploads.GetBlobClient(name).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: ct);
        return names.Count;
    }

    /// <summary>Copies the source to a local file for engines that need a path (ffmpeg, PocketSphinx).</summary>
    public async Task DownloadToAsync(string blobName, string localPath, CancellationToken ct) =>
        await rawUploads.GetBlobClient(blobName).DownloadToAsync(localPath, ct);

    public async Task<Stream> OpenReadAsync(string blobName, CancellationToken ct) =>
        await rawUploads.GetBlobClient(blobName).OpenReadAsync(cancellationToken: ct);

    /// <summary>A read-only URL for one upload, valid for <paramref name="lifetime"/>, for engines that fetch audio themselves.</summary>
    public Task<Uri> GetReadUrlAsync(string blobName, TimeSpan lifetime, DateTimeOffset now, CancellationToken ct) =>
        BlobSas.SignAsync(rawUploads.GetBlobClient(blobName), BlobSasPermissions.Read, lifetime, now, ct);
}
