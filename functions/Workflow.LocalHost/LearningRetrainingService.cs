using Workflow.Orchestrations.Learning;

namespace Workflow.LocalHost;

/// <summary>
/// The local runner's stand-in for the Functions timer: <see cref="LearningRetraining"/> every
/// <c>Engines:Learned:BackgroundInterval</c>. The first pass waits one interval, so starting the runner
/// does not load the model and train every study at once.
/// </summary>
public sealed class LearningRetrainingService(LearningRetraining retraining, ILogger<LearningRetrainingService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!retraining.Enabled) return;
        using var timer = new PeriodicTimer(retraining.Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await retraining.RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning("Background retraining failed ({Error}); it runs again in {Interval}", e.GetType().Name, retraining.Interval);
            }
        }
    }
}
