using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Workflow.Api.Uploads;

/// <summary>
/// Reads a file in the drop zone as it was when it was checked: every read is conditional on the
/// ETag seen then, so a file written over meanwhile (a SAS URL can write again) is never half old,
/// half new; that pass gives up and the next delivery of the blob takes the new one.
/// </summary>
internal static class DroppedBlobs
{
    /// <summary>The blob's properties, or null when it is gone (taken in by another intake since it was listed).</summary>
    public static async Task<BlobProperties?> PropertiesAsync(BlobClient blob, CancellationToken ct)
    {
        try
        {
            return (await blob.GetPropertiesAsync(cancellationToken: ct)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public static async Task<string> Sha256Async(BlobClient blob, ETag etag, CancellationToken ct)
    {
        await using var content = await OpenReadAsync(blob, etag, ct);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(content, ct));
    }

    public static Task<Stream> OpenReadAsync(BlobClient blob, ETag etag, CancellationToken ct) =>
        blob.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false) { Conditions = new BlobRequestConditions { IfMatch = etag } }, ct);

    /// <summary>Empties the drop zone of a file once taken in, unless it was written over meanwhile (then the new one waits its turn).</summary>
    public static async Task DeleteAsync(BlobClient blob, ETag etag, CancellationToken ct)
    {
        try
        {
            await blob.DeleteIfExistsAsync(conditions: new BlobRequestConditions { IfMatch = etag }, cancellationToken: ct);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
        }
    }
}
