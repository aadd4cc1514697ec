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
    }
}
