using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Workflow.Storage.Configuration;

/// <summary>
/// Blob, table and queue clients for one account, built from <see cref="StorageAccountOptions"/>.
/// Building them does no I/O. With an identity, <c>credential = managedidentity</c> gives a
/// <see cref="ManagedIdentityCredential"/> (user-assigned when <c>clientId</c> is set); anything
/// else a <see cref="DefaultAzureCredential"/> (preferring the <c>clientId</c> identity when set).
/// </summary>
public sealed class StorageClients
{
    private readonly QueueServiceClient? _queues;
    private readonly string _accountRole;

    public StorageClients(StorageAccountOptions options, string accountRole)
    {
        _accountRole = accountRole;
        if (!options.UsesIdentity)
        {
            Blobs = new BlobServiceClient(options.ConnectionString);
            Tables = new TableServiceClient(options.ConnectionString);
            _queues = new QueueServiceClient(options.ConnectionString);
        }
        else if (options.BlobServiceUri is not null && options.TableServiceUri is not null)
        {
            Credential = CredentialFor(options, accountRole);
            Blobs = new BlobServiceClient(options.BlobServiceUri, Credential);
            Tables = new TableServiceClient(options.TableServiceUri, Credential);
            _queues = options.QueueServiceUri is null ? null : new QueueServiceClient(options.QueueServiceUri, Credential);
        }
        else
        {
            throw new InvalidOperationException(
                $"Storage:{accountRole} needs a connection string, an accountName, or blobServiceUri and tableServiceUri children for an identity.");
        }
    }

    public BlobServiceClient Blobs { get; }

    public TableServiceClient Tables { get; }

    /// <summary>The account's queues; configured by the connection string, <c>accountName</c> or <c>queueServiceUri</c>.</summary>
    public QueueServiceClient Queues => _queues
        ?? throw new InvalidOperationException($"Storage:{_accountRole} has no queueServiceUri (or accountName) for queues.");

    /// <summary>The token credential in use; null with a connection string.</summary>
    public TokenCredential? Credential { get; }

    /// <summary>The credential the options ask for (no I/O: tokens are only requested when a client is used).</summary>
    public static TokenCredential CredentialFor(StorageAccountOptions options, string accountRole)
    {
        if (options.Credential is { } credential && !options.UsesManagedIdentity)
            throw new InvalidOperationException(
                $"Storage:{accountRole}:credential '{credential}' is not known; use '{StorageAccountOptions.ManagedIdentity}' or leave it out for DefaultAzureCredential.");
        if (options.UsesManagedIdentity)
            return new ManagedIdentityCredential(options.ClientId is { } clientId
                ? ManagedIdentityId.FromUserAssignedClientId(clientId)
                : ManagedIdentityId.SystemAssigned);
        return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ClientId });
    }
}
