using Azure.Storage.Blobs.Models;
using Microsoft.DurableTask.Client;
using Workflow.Api.Uploads;
using Workflow.Storage;

namespace Workflow.LocalHost;

/// <summary>
/// The local runner's stand-in for the Functions blob trigger: every few seconds it hands files
/// dropped into <c>uploads/{studyId}/{file}</c> to the same <see cref="DroppedUploadIntake"/>. Refused
/// files keep their reason in metadata and are skipped afterwards. Files are handled one at a time, so
/// one runner never takes the same file in twice at once.
/// </summary>
public sealed class DroppedUploadPoller(
    DroppedUploads uploads,
    DroppedUploadIntake intake,
    DurableTaskClient client,
    IConfiguration configuration,
    ILogger<DroppedUploadPoller> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off for a runner that shares storage with another that takes the uploads in (test runners do):
        // each would start the file's pipeline in its own task hub.
        if (!configuration.GetValue("LocalDurable:WatchDropZone", true)) return;
        var interval = configuration.GetValue("LocalDurable:DroppedUploadPollInterval", TimeSpan.FromSeconds(5));
        var container = uploads.Container;
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, stoppingToken))
                {
                    if (item.Metadata.ContainsKey(DroppedUploadIntake.ErrorMetadata)) continue;
                    var slash = item.Name.IndexOf('/');
                    if (slash <= 0 || slash == item.Name.Length - 1 || item.Name.IndexOf('/', slash + 1) >= 0) continue;
                    await intake.ProcessAsync(container.GetBlobClient(item.Name), item.Name[..slash], item.Name[(slash + 1)..], client, stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning("Polling the uploads container failed ({Error}); retrying", e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
