using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Workflow.Domain.Serialization;

namespace Workflow.Storage.Documents;

/// <summary>JSON documents in one blob container, with the optimistic-concurrency primitives the repositories need.</summary>
public sealed class JsonBlobContainer(BlobContainerClient container)
{
    public BlobContainerClient Client => container;

    /// <summary>The document and its ETag, or (default, null) when absent.</summary>
    public async Task<(T? Value, ETag? ETag)> TryReadAsync<T>(string name, CancellationToken ct)
    {
        try
        {
            var result = await container.GetBlobClient(name).DownloadContentAsync(ct);
            return (WorkflowJson.Deserialize<T>(result.Value.Content.ToString()), result.Value.Details.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return (default, null);
        }
    }

    /// <summary>Writes (or overwrites) a document. Used where re-running a step must give the same result.</summary>
    public Task WriteAsync<T>(string name, T value, CancellationToken ct) =>
        container.GetBlobClient(name).UploadAsync(Content(value), new BlobUploadOptions { HttpHeaders = JsonHeaders }, ct);

    /// <summary>Creates the document only if absent; false when it already exists.</summary>
    public async Task<bool> TryCreateAsync<T>(string name, T value, CancellationToken ct)
    {
        try
        {
            await container.GetBlobClient(name).UploadAsync(Content(value), new BlobUploadOptions
            {
                HttpHeaders = JsonHeaders,
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>Replaces the document only if it still has <paramref name="etag"/>; false when someone else wrote first.</summary>
    public async Task<bool> TryReplaceAsync<T>(string name, T value, ETag etag, CancellationToken ct)
    {
        try
        {
            await container.GetBlobClient(name).UploadAsync(Content(value), new BlobUploadOptions
            {
                HttpHeaders = JsonHeaders,
                Conditions = new BlobRequestConditions { IfMatch = etag },
            }, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>Names of the documents under <paramref name="prefix"/>.</summary>
    public async Task<List<string>> ListNamesAsync(string prefix, CancellationToken ct)
    {
        var names = new List<string>();
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, ct))
            names.Add(item.Name);
        return names;
    }

    private static readonly BlobHttpHeaders JsonHeaders = new() { ContentType = "application/json" };

    private static BinaryData Content<T>(T value) => BinaryData.FromString(WorkflowJson.Serialize(value));
}
