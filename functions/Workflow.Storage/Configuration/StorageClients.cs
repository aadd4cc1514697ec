using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace Workflow.Storage.Configuration;

/// <summary>Blob and table clients for one account, built from <see cref="StorageAccountOptions"/>.</summary>
public sealed class StorageClients
{
    public StorageClients(StorageAccountOptions options, string accountRole)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            Blobs = new BlobServiceClient(options.ConnectionString);
            Tables = new TableServiceClient(options.ConnectionString);
        }
        else if (options.BlobServiceUri is not null && options.TableServiceUri is not null)
        {
            var credential = new DefaultAzureCredential();
            Blobs = new BlobServiceClient(options.BlobServiceUri, credential);
            Tables = new TableServiceClient(options.TableServiceUri, credential);
        }
        else
        {
            throw new InvalidOperationException(
                $"Storage:{accountRole} needs a connection string, or blobServiceUri and tableServiceUri children for managed identity.");
        }
    }

    public BlobServiceClient Blobs { get; }

    public TableServiceClient Tables { get; }
}
