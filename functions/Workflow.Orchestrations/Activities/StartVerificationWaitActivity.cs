using Microsoft.DurableTask;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// Hands a re-run recording to its own finaliser, which waits for coders; the batch goes on without
/// waiting for people.
/// </summary>
[DurableTask(nameof(StartVerificationWaitActivity))]
public sealed class StartVerificationWaitActivity(IOrchestrationStarter starter) : TaskActivity<StartOrchestrationInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, StartOrchestrationInput input)
    {
        await starter.StartAsync(input.Orchestrator, input.InstanceId, input.Input, CancellationToken.None);
        return true;
    }
}
