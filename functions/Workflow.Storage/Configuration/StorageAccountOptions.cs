namespace Workflow.Storage.Configuration;

/// <summary>
/// How to reach one storage account: a connection string (Azurite, development) or service URIs
/// used with managed identity (Azure). Shared keys should be disabled in Azure.
/// </summary>
public sealed class StorageAccountOptions
{
    /// <summary>A connection string, e.g. <c>UseDevelopmentStorage=true</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Blob endpoint for managed-identity access, e.g. https://acct.blob.core.windows.net.</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>Table endpoint for managed-identity access.</summary>
    public Uri? TableServiceUri { get; set; }
}
