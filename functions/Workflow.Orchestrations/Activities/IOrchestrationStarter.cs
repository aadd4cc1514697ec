namespace Workflow.Orchestrations.Activities;

/// <summary>
/// Starts an orchestration that no other orchestration waits for (Durable orchestrations can only
/// start children they wait for). A port because the client comes from DI on the local runner and
/// from a binding in the Functions app. Idempotent: an instance that exists is left as it is.
/// </summary>
public interface IOrchestrationStarter
{
    Task StartAsync(string orchestrator, string instanceId, object input, CancellationToken ct);
}
