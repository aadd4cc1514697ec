using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Workflow.Api.Uploads;
using Workflow.Storage.Configuration;

namespace Workflow.Functions.Triggers;

/// <summary>
/// Recordings dropped into <c>uploads/{studyId}/{file}</c>: see <see cref="DroppedUploadIntake"/>.
/// Fed by Event Grid BlobCreated events (infra/modules/upload-events.bicep), not by polling: it is
/// the source Flex Consumption supports, it starts within seconds, and it does not scan the container.
/// </summary>
public sealed class DroppedUploadFunction(DroppedUploadIntake intake)
{
    [Function("IngestDroppedUpload")]
    public Task Run(
        [BlobTrigger(StorageNames.IncomingUploads + "/{studyId}/{name}", Source = BlobTriggerSource.EventGrid, Connection = WorkflowStorageOptions.IdentifiableConnection)] BlobClient blob,
        string studyId, string name, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        intake.ProcessAsync(blob, studyId, name, client, ct);
}
