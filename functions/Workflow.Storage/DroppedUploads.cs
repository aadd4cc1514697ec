using Azure.Storage.Blobs;

namespace Workflow.Storage;

/// <summary>
/// The drop zone of the identifiable account (<c>uploads/{studyId}/{file}</c>), where files may
/// arrive without the HTTP API (AzCopy, a SAS upload). The blob trigger or the local poller watches it.
/// </summary>
public sealed class DroppedUploads(BlobContainerClient container)
{
    /// <summary>The container itself; its blobs are identifiable until the intake moves them.</summary>
    public BlobContainerClient Container { get; } = container;
}
