using Azure.Storage.Blobs.Models;
using Workflow.Storage.Configuration;

namespace Workflow.Storage;

/// <summary>Creates every container and table the workflow uses (idempotent); the hosts call it at start-up.</summary>
public sealed class StorageProvisioner(StorageAccounts accounts)
{
    public async Task EnsureCreatedAsync(CancellationToken ct)
    {
        foreach (var name in StorageNames.IdentifiableContainers)
            await accounts.Identifiable.Blobs.GetBlobContainerClient(name).CreateIfNotExistsAsync(cancellationToken: ct);
        foreach (var name in StorageNames.DeidentifiedContainers)
            await accounts.Deidentified.Blobs.GetBlobContainerClient(name).CreateIfNotExistsAsync(cancellationToken: ct);
        foreach (var name in StorageNames.IdentifiableTables)
            await accounts.Identifiable.Tables.CreateTableIfNotExistsAsync(name, ct);
        foreach (var name in StorageNames.DeidentifiedTables)
            await accounts.Deidentified.Tables.CreateTableIfNotExistsAsync(name, ct);
        await AllowBrowserUploadsOnTheEmulatorAsync(ct);
    }

    /// <summary>
    /// Azurite answers a browser's CORS preflight only with a rule; in Azure the rule is in the
    /// Bicep (the app's origin only), and the app cannot change account settings. Azurite listens on
    /// loopback only and each write still needs a SAS, so any origin may PUT there.
    /// </summary>
    private async Task AllowBrowserUploadsOnTheEmulatorAsync(CancellationToken ct)
    {
        var blobs = accounts.Identifiable.Blobs;
        if (blobs.AccountName != "devstoreaccount1") return;
        var properties = (await blobs.GetPropertiesAsync(ct)).Value;
        if (properties.Cors.Any(r => r.AllowedMethods.Contains("PUT", StringComparison.Ordinal))) return;
        properties.Cors.Add(new BlobCorsRule
        {
            AllowedOrigins = "*",
            AllowedMethods = "PUT",
            AllowedHeaders = "content-type,x-ms-blob-type,x-ms-blob-content-type,x-ms-version,x-ms-client-request-id",
            ExposedHeaders = "x-ms-request-id,x-ms-error-code",
            MaxAgeInSeconds = 3600,
        });
        await blobs.SetPropertiesAsync(properties, ct);
    }
}
