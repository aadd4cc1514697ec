using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using Workflow.Storage.Sas;

namespace Workflow.Storage;

/// <summary>
/// The drop zone of the identifiable account (<c>uploads/{studyId}/{file}</c>), where files may
/// arrive without the HTTP API (AzCopy, a SAS upload). The blob trigger or the local poller watches it.
/// </summary>
public sealed class DroppedUploads(BlobContainerClient container)
{
    /// <summary>The container itself; its blobs are identifiable until the intake moves them.</summary>
    public BlobContainerClient Container { get; } = container;

    /// <summary>
    /// A URL that can write one blob of the drop zone and nothing else: create and write, no read,
    /// list or delete, so a leaked URL shows nothing and lets no one take other uploads.
    /// </summary>
    public Task<Uri> GetUploadUrlAsync(string blobName, TimeSpan lifetime, DateTimeOffset now, CancellationToken ct) =>
        BlobSas.SignAsync(Container.GetBlobClient(blobName), BlobSasPermissions.Create | BlobSasPermissions.Write, lifetime, now, ct);
}
