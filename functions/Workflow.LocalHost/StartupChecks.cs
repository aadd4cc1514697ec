using Microsoft.Extensions.Options;
using Workflow.Orchestrations;
using Workflow.Orchestrations.Activities;
using Workflow.Storage;

namespace Workflow.LocalHost;

/// <summary>
/// Before the runner serves anything: creates the containers and tables, and deletes temporary
/// audio copies a killed run may have left (they are identifiable material).
/// </summary>
public sealed class StartupChecks(WorkflowStores stores, IOptions<PipelineOptions> options, ILogger<StartupChecks> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        LocalCopy.SweepLeftovers(options.Value.WorkDirectory);
        try
        {
            await stores.EnsureCreatedAsync(cancellationToken);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or AggregateException)
        {
            log.LogCritical("Storage is not reachable ({Error}). Is Azurite running? scripts/azurite.sh starts it.", e.GetType().Name);
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
