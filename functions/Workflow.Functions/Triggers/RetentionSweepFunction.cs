using Microsoft.Azure.Functions.Worker;
using Workflow.Orchestrations.Retention;

namespace Workflow.Functions.Triggers;

/// <summary>Hourly, at minute 17 (off the hour, when other schedules pile up): <see cref="RawAudioRetentionSweep"/>.</summary>
public sealed class RetentionSweepFunction(RawAudioRetentionSweep sweep)
{
    [Function("RetentionSweep")]
    public Task Run([TimerTrigger("0 17 * * * *")] TimerInfo timer, CancellationToken ct) => sweep.RunOnceAsync(ct);
}
