using Microsoft.Extensions.Options;
using Workflow.Orchestrations.Retention;

namespace Workflow.LocalHost;

/// <summary>The local runner's stand-in for the Functions timer: runs the retention sweeps at start and every <see cref="RetentionOptions.SweepInterval"/>.</summary>
public sealed class RetentionSweepService(RawAudioRetentionSweep sweep, UploadGrantSweep grants, IOptions<RetentionOptions> options, ILogger<RetentionSweepService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval);
        do
        {
            try
            {
                await sweep.RunOnceAsync(stoppingToken);
                await grants.RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning("The retention sweep failed ({Error}); it runs again in {Interval}", e.GetType().Name, options.Value.SweepInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
