using Microsoft.DurableTask;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Pipeline;

namespace Workflow.Orchestrations.Verification;

/// <summary>
/// Waits until every verification item of a recording is decided. Coders' decisions arrive as
/// external events; a durable timer re-checks now and then in case a signal was lost (for example
/// a decision made before this instance existed). No activity polls. Continues as new after many
/// signals so that the history stays small for recordings with hundreds of items.
/// </summary>
/// <remarks>
/// Signals still queued at a continue-as-new are dropped on purpose (carrying them over is known to
/// lose events anyway, microsoft/durabletask-dotnet#387): every generation starts by counting the
/// decisions in the queue table, which already includes those signals' decisions.
/// </remarks>
[DurableTask(nameof(AwaitVerificationOrchestrator))]
public sealed class AwaitVerificationOrchestrator : TaskOrchestrator<AwaitVerificationInput, VerificationProgress>
{
    /// <summary>Signals handled before continuing as new.</summary>
    public const int SignalsPerGeneration = 50;

    public override async Task<VerificationProgress> RunAsync(TaskOrchestrationContext context, AwaitVerificationInput input)
    {
        var signals = input.SignalsSeen;
        while (true)
        {
            var progress = await context.CallActivityAsync<VerificationProgress>(nameof(GetVerificationProgressActivity), input.Ref, Retries.Transient);
            context.SetCustomStatus(progress);
            if (progress.Pending <= 0) return progress;

            using var cancel = new CancellationTokenSource();
            var signal = context.WaitForExternalEvent<VerificationSignal>(VerificationSignal.EventName, cancel.Token);
            var recheck = context.CreateTimer(context.CurrentUtcDateTime.Add(input.Recheck), cancel.Token);
            var first = await Task.WhenAny(signal, recheck);
            cancel.Cancel();
            if (first != signal) continue;

            if (++signals >= SignalsPerGeneration)
            {
                // Signals need not be carried over: the next generation starts by counting decisions,
                // which includes every decision signalled so far.
                context.ContinueAsNew(input with { SignalsSeen = 0 }, preserveUnprocessedEvents: false);
                return progress;
            }
        }
    }
}
