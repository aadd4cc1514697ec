using Microsoft.Extensions.Configuration;

namespace Workflow.Storage.Configuration;

/// <summary>
/// How to reach one storage account, in the shape the Azure Functions host also reads for a named
/// connection, so one setting serves our repositories and the blob trigger alike:
/// <list type="bullet">
/// <item>the setting itself holds a connection string (<c>Storage:Identifiable = UseDevelopmentStorage=true</c>);</item>
/// <item>or its children hold service URIs for an identity: <c>Storage:Identifiable:blobServiceUri</c>,
/// <c>:tableServiceUri</c>, <c>:queueServiceUri</c>, with <c>:credential = managedidentity</c> and, for a
/// user-assigned identity, <c>:clientId</c>;</item>
/// <item>or <c>:accountName</c> alone, meaning <c>https://{accountName}.{blob|table|queue}.core.windows.net</c>
/// (an explicit service URI wins over the derived one).</item>
/// </list>
/// </summary>
public sealed record StorageAccountOptions(
    string? ConnectionString,
    Uri? BlobServiceUri,
    Uri? TableServiceUri,
    Uri? QueueServiceUri = null,
    string? Credential = null,
    string? ClientId = null)
{
    /// <summary>The only <c>credential</c> value the Functions host knows.</summary>
    public const string ManagedIdentity = "managedidentity";

    /// <summary>True when the account is reached with a token credential rather than a connection string.</summary>
    public bool UsesIdentity => string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>True when <c>credential</c> asks for a managed identity (otherwise DefaultAzureCredential is used).</summary>
    public bool UsesManagedIdentity => string.Equals(Credential, ManagedIdentity, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the named connection <paramref name="name"/> (e.g. "Storage:Identifiable").</summary>
    public static StorageAccountOptions From(IConfiguration configuration, string name)
    {
        var section = configuration.GetSection(name);
        if (!string.IsNullOrWhiteSpace(section.Value))
            return new StorageAccountOptions(section.Value.Trim(), null, null);

        var account = Value(section["accountName"]);
        Uri? ServiceUri(string key, string service)
        {
            if (Value(section[key]) is { } explicitUri)
            {
                if (!Uri.TryCreate(explicitUri, UriKind.Absolute, out var uri))
                    throw new InvalidOperationException($"{name}:{key} is not an absolute URI.");
                return uri;
            }
            return account is null ? null : new Uri($"https://{account}.{service}.core.windows.net");
        }
        return new StorageAccountOptions(
            null,
            ServiceUri("blobServiceUri", "blob"),
            ServiceUri("tableServiceUri", "table"),
            ServiceUri("queueServiceUri", "queue"),
            Value(section["credential"]),
            Value(section["clientId"]));
    }

    private static string? Value(string? setting) => string.IsNullOrWhiteSpace(setting) ? null : setting.Trim();
}
