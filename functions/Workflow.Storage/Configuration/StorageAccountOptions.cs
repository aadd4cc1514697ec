using Microsoft.Extensions.Configuration;

namespace Workflow.Storage.Configuration;

/// <summary>
/// How to reach one storage account, in the shape the Azure Functions host also understands for a
/// named connection: the setting itself holds a connection string (<c>Storage:Identifiable =
/// UseDevelopmentStorage=true</c>), or its children hold service URIs for managed identity
/// (<c>Storage:Identifiable:blobServiceUri</c>, <c>:tableServiceUri</c>). So one setting serves our
/// repositories and the blob trigger alike.
/// </summary>
public sealed record StorageAccountOptions(string? ConnectionString, Uri? BlobServiceUri, Uri? TableServiceUri)
{
    /// <summary>Reads the named connection <paramref name="name"/> (e.g. "Storage:Identifiable").</summary>
    public static StorageAccountOptions From(IConfiguration configuration, string name)
    {
        var section = configuration.GetSection(name);
        static Uri? UriOf(string? value) => string.IsNullOrWhiteSpace(value) ? null : new Uri(value);
        return new StorageAccountOptions(
            string.IsNullOrWhiteSpace(section.Value) ? null : section.Value,
            UriOf(section["blobServiceUri"]),
            UriOf(section["tableServiceUri"]));
    }
}
