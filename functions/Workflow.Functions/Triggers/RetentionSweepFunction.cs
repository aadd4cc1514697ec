using Microsoft.Azure.Functions.Worker;
using Workflow.Orchestrations.Retention;

namespace Workflow.Functions.Triggers;

/// <summary>Hourly, at minute 17 (off the hour, when other schedules pile up): <see cref="RawAudioRetentionSweep"/> and <see cref="UploadGrantSweep"/>.</summary>
public sealed class RetentionSweepFunction(RawAudioRetentionSweep sweep, UploadGrantSweep grants)
{
    [Function("RetentionSweep")]
    public async Task Run([TimerTrigger("0 17 * * * *")] TimerInfo timer, CancellationToken ct)
    {
        await sweep.RunOnceAsync(ct);
        await grants.RunOnceAsync(ct);
    }
}
