using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Storage;
using Workflow.Storage.Configuration;

namespace Workflow.Integration.Tests.Infrastructure;

/// <summary>
/// The Azurite instance scripts/test.sh starts. Tests fail (not skip) when it is absent: storage
/// is never faked in integration tests.
/// </summary>
public static class Azurite
{
    public const string ConnectionString = "UseDevelopmentStorage=true";

    public static void EnsureRunning()
    {
        foreach (var port in new[] { 10000, 10001, 10002 })
        {
            try
            {
                using var client = new TcpClient();
                client.Connect("127.0.0.1", port);
            }
            catch (SocketException)
            {
                throw new InvalidOperationException($"Azurite is not listening on 127.0.0.1:{port}. Run the tests with scripts/test.sh, or start it with scripts/azurite.sh.");
            }
        }
    }

    /// <summary>Stores on Azurite, with containers and tables created.</summary>
    public static async Task<TestStores> StoresAsync(TimeProvider? time = null)
    {
        EnsureRunning();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [WorkflowStorageOptions.IdentifiableConnection] = ConnectionString,
            [WorkflowStorageOptions.DeidentifiedConnection] = ConnectionString,
        }).Build();
        var services = new ServiceCollection().AddSingleton(time ?? TimeProvider.System).AddWorkflowStorage(configuration).BuildServiceProvider();
        await services.GetRequiredService<StorageProvisioner>().EnsureCreatedAsync(CancellationToken.None);
        return new TestStores(services);
    }

    /// <summary>A study id no other test uses, so tests sharing Azurite never see each other's data.</summary>
    public static string UniqueStudyId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)];
}
