using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Workflow.Storage;

/// <summary>Deleting every blob whose name starts with a prefix (a recording's files), snapshots included.</summary>
public static class BlobPrefix
{
    /// <summary>Returns how many blobs were deleted; a container that was never created holds nothing.</summary>
    public static async Task<int> DeleteAsync(BlobContainerClient container, string prefix, CancellationToken ct)
    {
        var names = new List<string>();
        try
        {
            await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, ct))
                names.Add(blob.Name);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return 0;
        }
        var deleted = 0;
        foreach (var name in names)
            if (await container.GetBlobClient(name).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: ct)) deleted++;
        return deleted;
    }
}
