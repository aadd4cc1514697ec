using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Workflow.Orchestrations.Activities;

/// <summary>The <see cref="IOrchestrationStarter"/> over a Durable Task client.</summary>
public sealed class DurableClientOrchestrationStarter(DurableTaskClient client) : IOrchestrationStarter
{
    public async Task StartAsync(string orchestrator, string instanceId, object input, CancellationToken ct)
    {
        if (await client.GetInstanceAsync(instanceId, ct) is not null) return;
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(InstanceId: instanceId), ct);
        }
        catch (Exception)
        {
            // A retried activity may have raced its first attempt: if the instance exists, that is all we want.
            if (await client.GetInstanceAsync(instanceId, ct) is null) throw;
        }
    }
}
