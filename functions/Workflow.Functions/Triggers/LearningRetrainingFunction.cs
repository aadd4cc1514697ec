using Microsoft.Azure.Functions.Worker;
using Workflow.Orchestrations.Learning;

namespace Workflow.Functions.Triggers;

/// <summary>
/// Every minute at second 41: <see cref="LearningRetraining"/>, which runs only when
/// <c>Engines:Learned:BackgroundInterval</c> has passed (and never when it is zero), so the interval
/// is one setting in both hosts rather than a CRON expression here.
/// </summary>
public sealed class LearningRetrainingFunction(LearningRetraining retraining)
{
    [Function("LearningRetraining")]
    public Task Run([TimerTrigger("41 * * * * *")] TimerInfo timer, CancellationToken ct) => retraining.RunIfDueAsync(ct);
}
