using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Workflow.Storage.Configuration;

namespace Workflow.Integration.Tests.Storage;

/// <summary>
/// Named storage connections in the shape the Functions host reads (connection string, service URIs
/// with an identity, or an account name). Pure parsing and client construction: no network, no Azurite.
/// </summary>
public class StorageAccountOptionsTests
{
    private const string Name = "Storage:Identifiable";

    private static StorageAccountOptions Parse(params (string Key, string Value)[] settings) =>
        StorageAccountOptions.From(
            new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build(),
            Name);

    [Fact]
    public void ConnectionString_IsTheSettingItself_AndGivesAllThreeClientsWithoutACredential()
    {
        var options = Parse((Name, " UseDevelopmentStorage=true "));

        Assert.Equal("UseDevelopmentStorage=true", options.ConnectionString);
        Assert.False(options.UsesIdentity);
        var clients = new StorageClients(options, "Identifiable");
        Assert.Null(clients.Credential);
        Assert.Equal("devstoreaccount1", clients.Blobs.AccountName);
        Assert.Equal("devstoreaccount1", clients.Tables.AccountName);
        Assert.Equal("devstoreaccount1", clients.Queues.AccountName);
    }

    [Fact]
    public void ServiceUris_WithManagedIdentityAndClientId_GiveAManagedIdentityCredential()
    {
        var options = Parse(
            (Name + ":blobServiceUri", "https://acct.blob.core.windows.net"),
            (Name + ":tableServiceUri", "https://acct.table.core.windows.net"),
            (Name + ":queueServiceUri", "https://acct.queue.core.windows.net"),
            (Name + ":credential", "managedidentity"),
            (Name + ":clientId", "00000000-0000-0000-0000-000000000001"));

        Assert.Null(options.ConnectionString);
        Assert.True(options.UsesManagedIdentity);
        Assert.Equal("00000000-0000-0000-0000-000000000001", options.ClientId);
        var clients = new StorageClients(options, "Identifiable");
        Assert.IsType<ManagedIdentityCredential>(clients.Credential);
        Assert.Equal(new Uri("https://acct.blob.core.windows.net"), clients.Blobs.Uri);
        Assert.Equal(new Uri("https://acct.queue.core.windows.net"), clients.Queues.Uri);
        Assert.Equal("acct", clients.Tables.AccountName);
    }

    [Fact]
    public void ManagedIdentity_WithoutClientId_IsSystemAssigned_AndKeysAreCaseInsensitive()
    {
        var options = Parse(
            (Name + ":BlobServiceUri", "https://acct.blob.core.windows.net"),
            (Name + ":TableServiceUri", "https://acct.table.core.windows.net"),
            (Name + ":Credential", "ManagedIdentity"));

        Assert.True(options.UsesManagedIdentity);
        Assert.Null(options.ClientId);
        Assert.IsType<ManagedIdentityCredential>(StorageClients.CredentialFor(options, "Identifiable"));
    }

    [Fact]
    public void AccountNameAlone_MeansThePublicCloudEndpoints_WithDefaultAzureCredential()
    {
        var options = Parse((Name + ":accountName", "qualid"));

        Assert.Equal(new Uri("https://qualid.blob.core.windows.net"), options.BlobServiceUri);
        Assert.Equal(new Uri("https://qualid.table.core.windows.net"), options.TableServiceUri);
        Assert.Equal(new Uri("https://qualid.queue.core.windows.net"), options.QueueServiceUri);
        var clients = new StorageClients(options, "Identifiable");
        Assert.IsType<DefaultAzureCredential>(clients.Credential);
        Assert.Equal("qualid", clients.Queues.AccountName);
    }

    [Fact]
    public void AnExplicitServiceUri_WinsOverTheOneDerivedFromTheAccountName()
    {
        var options = Parse((Name + ":accountName", "qualid"), (Name + ":tableServiceUri", "https://tables.example.org/qualid"));

        Assert.Equal(new Uri("https://tables.example.org/qualid"), options.TableServiceUri);
        Assert.Equal(new Uri("https://qualid.blob.core.windows.net"), options.BlobServiceUri);
    }

    [Fact]
    public void UrisWithoutAQueueUri_BuildBlobsAndTables_AndRefuseQueuesWithAReason()
    {
        var clients = new StorageClients(Parse(
            (Name + ":blobServiceUri", "https://acct.blob.core.windows.net"),
            (Name + ":tableServiceUri", "https://acct.table.core.windows.net")), "Identifiable");

        Assert.IsType<DefaultAzureCredential>(clients.Credential);
        Assert.Contains("queueServiceUri", Assert.Throws<InvalidOperationException>(() => clients.Queues).Message);
    }

    [Fact]
    public void NothingConfigured_IsRefusedNamingTheSetting()
    {
        var options = Parse(("Storage:Deidentified", "UseDevelopmentStorage=true"));

        var error = Assert.Throws<InvalidOperationException>(() => new StorageClients(options, "Identifiable"));
        Assert.Contains("Storage:Identifiable", error.Message);
    }

    [Fact]
    public void OnlyOneServiceUri_IsRefused()
    {
        var options = Parse((Name + ":blobServiceUri", "https://acct.blob.core.windows.net"));

        Assert.Throws<InvalidOperationException>(() => new StorageClients(options, "Identifiable"));
    }

    [Fact]
    public void AnUnknownCredential_IsRefused()
    {
        var options = Parse((Name + ":accountName", "qualid"), (Name + ":credential", "clientsecret"));

        Assert.Contains("clientsecret", Assert.Throws<InvalidOperationException>(() => new StorageClients(options, "Identifiable")).Message);
    }

    [Fact]
    public void ARelativeServiceUri_IsRefusedNamingTheKey()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Parse((Name + ":blobServiceUri", "acct.blob.core.windows.net")));

        Assert.Contains("blobServiceUri", error.Message);
    }

    [Fact]
    public void BothStores_AreReadFromTheirOwnSettings()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [WorkflowStorageOptions.IdentifiableConnection + ":accountName"] = "identifiable",
            [WorkflowStorageOptions.DeidentifiedConnection] = "UseDevelopmentStorage=true",
        }).Build();

        var options = WorkflowStorageOptions.From(configuration);

        Assert.Equal(new Uri("https://identifiable.blob.core.windows.net"), options.Identifiable.BlobServiceUri);
        Assert.Equal("UseDevelopmentStorage=true", options.Deidentified.ConnectionString);
    }
}
