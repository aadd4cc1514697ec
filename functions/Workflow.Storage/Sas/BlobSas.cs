using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Sas;

namespace Workflow.Storage.Sas;

/// <summary>
/// Signs a URL for one blob. With the account key where the client has one (Azurite, a connection
/// string); with managed identity, a user-delegation SAS, which needs the identity's "Storage Blob
/// Delegator" role and is never valid longer than the key it is signed with. A few minutes of clock
/// skew are allowed before the start.
/// </summary>
public static class BlobSas
{
    /// <summary>Longest lifetime a user-delegation key (and so any SAS here) may have.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(7);

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static async Task<Uri> SignAsync(BlobClient blob, BlobSasPermissions permissions, TimeSpan lifetime, DateTimeOffset now, CancellationToken ct)
    {
        if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
            throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, $"A SAS lifetime must be positive and at most {MaxLifetime.TotalDays} days.");
        var sas = new BlobSasBuilder(permissions, now + lifetime)
        {
            BlobContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            Resource = "b",
            StartsOn = now - ClockSkew,
            Protocol = blob.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
        };
        if (blob.CanGenerateSasUri) return blob.GenerateSasUri(sas);

        var service = blob.GetParentBlobContainerClient().GetParentBlobServiceClient();
        var key = await service.GetUserDelegationKeyAsync(new BlobGetUserDelegationKeyOptions(now + lifetime) { StartsOn = now - ClockSkew }, ct);
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key.Value, service.AccountName) }.ToUri();
    }
}
