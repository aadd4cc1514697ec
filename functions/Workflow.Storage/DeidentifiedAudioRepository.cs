using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Workflow.Storage;

/// <summary>
/// The de-identified copies of recordings (identifiers toned out), in the de-identified account for
/// coders who listen. A copy is replaced whole, and removed before a new one is made, so a copy made
/// from an older identifier list never outlives the list that replaced it.
/// </summary>
public sealed class DeidentifiedAudioRepository(BlobContainerClient container)
{
    public static string NameOf(string studyId, string recordingId) => $"{studyId}/{recordingId}/audio";

    public async Task SaveAsync(string studyId, string recordingId, string localPath, string contentType, CancellationToken ct) =>
        await container.GetBlobClient(NameOf(studyId, recordingId)).UploadAsync(localPath, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
        }, ct);

    /// <summary>Removes the copy; true when there was one.</summary>
    public async Task<bool> DeleteAsync(string studyId, string recordingId, CancellationToken ct)
    {
        try
        {
            return await container.GetBlobClient(NameOf(studyId, recordingId)).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false; // the container was never created: there is nothing to remove
        }
    }

    /// <summary>A seekable stream of the copy (so a player can ask for ranges) and its media type, or null when there is none.</summary>
    public async Task<(Stream Content, string ContentType)?> OpenReadAsync(string studyId, string recordingId, CancellationToken ct)
    {
        var blob = container.GetBlobClient(NameOf(studyId, recordingId));
        try
        {
            var properties = await blob.GetPropertiesAsync(cancellationToken: ct);
            var stream = await blob.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), ct);
            return (stream, properties.Value.ContentType);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
