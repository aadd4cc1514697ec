using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Pipeline;

namespace Workflow.Orchestrations.Verification;

/// <summary>
/// Waits until every verification item of a recording is decided. Coders' decisions arrive as
/// external events; a durable timer re-checks now and then in case a signal was lost (for example
/// a decision made before this instance existed). No activity polls. Continues as new after a
/// bounded number of wake-ups of any kind (signals or re-check timers), so that a recording with
/// hundreds of items, or one that waits for weeks, keeps a small history.
/// </summary>
/// <remarks>
/// Signals still queued at a continue-as-new are dropped on purpose (carrying them over is known to
/// lose events anyway, microsoft/durabletask-dotnet#387): every generation starts by counting the
/// decisions in the queue table, which already includes those signals' decisions.
/// </remarks>
[DurableTask(nameof(AwaitVerificationOrchestrator))]
public sealed class AwaitVerificationOrchestrator : TaskOrchestrator<AwaitVerificationInput, VerificationProgress>
{
    /// <summary>Wake-ups (signals and re-checks) handled before continuing as new.</summary>
    public const int WakeUpsPerGeneration = 50;

    public override async Task<VerificationProgress> RunAsync(TaskOrchestrationContext context, AwaitVerificationInput input)
    {
        var log = context.CreateReplaySafeLogger<AwaitVerificationOrchestrator>();
        var wakeUps = 0;
        while (true)
        {
            var progress = await context.CallActivityAsync<VerificationProgress>(nameof(GetVerificationProgressActivity), input.Ref, Retries.Transient);
            context.SetCustomStatus(progress);
            if (progress.Pending <= 0) return progress;
            if (wakeUps >= WakeUpsPerGeneration)
            {
                // Nothing needs carrying over: the next generation starts by counting decisions,
                // which includes every decision signalled so far.
                log.LogInformation("Verification of {RecordingId} continues as new (generation {Generation}, {Pending} pending)",
                    input.RecordingId, input.Generation + 1, progress.Pending);
                context.ContinueAsNew(input with { SignalsSeen = 0, Generation = input.Generation + 1 }, preserveUnprocessedEvents: false);
                return progress;
            }

            using var cancel = new CancellationTokenSource();
            var signal = context.WaitForExternalEvent<VerificationSignal>(VerificationSignal.EventName, cancel.Token);
            var recheck = context.CreateTimer(context.CurrentUtcDateTime.Add(input.Recheck), cancel.Token);
            await Task.WhenAny(signal, recheck);
            cancel.Cancel();
            wakeUps++;
        }
    }
}
