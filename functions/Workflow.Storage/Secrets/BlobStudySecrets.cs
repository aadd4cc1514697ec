using System.Collections.Concurrent;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Workflow.Domain.Ports;

namespace Workflow.Storage.Secrets;

/// <summary>
/// Study secrets as write-once blobs in their own container of the identifiable account, for hosts
/// with several instances, no shared disk and no Key Vault (<see cref="KeyVaultStudySecrets"/>). Weaker than keeping
/// them outside the account: anyone who can read every container can reverse the registry.
/// </summary>
public sealed class BlobStudySecrets(BlobContainerClient container) : IStudySecrets
{
    private readonly ConcurrentDictionary<string, byte[]> _cache = new(StringComparer.Ordinal);

    public async Task<byte[]> GetOrCreateAsync(string studyId, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(studyId, out var known)) return known;
        var blob = container.GetBlobClient(studyId + ".key");
        try
        {
            await blob.UploadAsync(new BinaryData(RandomNumberGenerator.GetBytes(32)),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Already created: keep the existing secret.
        }
        var secret = (await blob.DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
        return _cache.GetOrAdd(studyId, secret);
    }
}
