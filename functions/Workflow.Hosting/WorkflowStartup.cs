using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workflow.Domain.Ports;
using Workflow.Storage;

namespace Workflow.Hosting;

/// <summary>
/// Before a host serves anything: deletes whatever a killed process left in the work area (raw audio,
/// partial uploads: identifiable material), then creates the containers and tables.
/// </summary>
public sealed class WorkflowStartup(IWorkArea workArea, StorageProvisioner storage, ILogger<WorkflowStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var swept = workArea.Sweep();
        if (swept > 0) log.LogInformation("Removed {Count} leftover temporary folder(s) from the work area", swept);
        try
        {
            await storage.EnsureCreatedAsync(cancellationToken);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or AggregateException)
        {
            log.LogCritical("Storage is not reachable ({Error}). Locally, is Azurite running? scripts/azurite.sh starts it.", e.GetType().Name);
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
