using Azure.Storage.Blobs;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Workflow.Domain.Audit;
using Workflow.Domain.Ports;
using Workflow.Domain.Uploads;
using Workflow.Api.Handlers;

namespace Workflow.Api.Uploads;

/// <summary>
/// Accepts recordings dropped straight into the <c>uploads</c> container at <c>uploads/{studyId}/{file}</c>.
/// Two kinds arrive there: files written with a grant's SAS URL (<c>sas-{grantId}.ext</c>, see
/// <see cref="GrantedUploadIntake"/>), and files put there some other way (AzCopy from a field laptop)
/// with the upload form's fields as blob metadata (siteid, format, participants, interviewer,
/// consentrecording, ...). Accepted files move to the raw uploads and start the same pipeline as an
/// HTTP upload; refused plain drops stay where they are, with the reason in the blob's
/// <see cref="ErrorMetadata"/> metadata. Used by the Functions blob trigger and the local runner's poller.
/// </summary>
public sealed class DroppedUploadIntake(
    UploadAdmission admission,
    RecordingIntake intake,
    GrantedUploadIntake granted,
    IAuditTrail audit,
    ILogger<DroppedUploadIntake> log)
{
    /// <summary>Metadata key holding why a dropped file was refused; such files are not looked at again.</summary>
    public const string ErrorMetadata = "workflowerror";

    /// <summary>The audit trail's actor for files dropped into the container.</summary>
    public const string DropZoneActor = "system:drop-zone";

    /// <summary>Accepts or refuses one dropped blob. Returns the recording id, or null when refused, already refused or gone.</summary>
    public async Task<string?> ProcessAsync(BlobClient blob, string studyId, string fileName, DurableTaskClient client, CancellationToken ct)
    {
        var properties = await DroppedBlobs.PropertiesAsync(blob, ct);
        if (properties is null || properties.Metadata.ContainsKey(ErrorMetadata)) return null;
        if (UploadGrantNames.HasGrantPrefix(fileName)) return await granted.ProcessAsync(blob, properties, studyId, fileName, client, ct);

        var (admitted, refusal) = await admission.AdmitAsync(studyId, fileName, properties.ContentType, properties.ContentLength, properties.Metadata.AsReadOnly(), ct);
        if (refusal is not null)
        {
            log.LogWarning("Refused a dropped upload in study {StudyId}: {Reason}", studyId, refusal.Message);
            await blob.SetMetadataAsync(new Dictionary<string, string>(properties.Metadata) { [ErrorMetadata] = refusal.Message },
                new Azure.Storage.Blobs.Models.BlobRequestConditions { IfMatch = properties.ETag }, ct);
            return null;
        }

        var sha256 = await DroppedBlobs.Sha256Async(blob, properties.ETag, ct);
        IntakeResult result;
        await using (var content = await DroppedBlobs.OpenReadAsync(blob, properties.ETag, ct))
        {
            result = await intake.AcceptAsync(client, new IntakeRequest(studyId, admitted!.Metadata, admitted.Kind, fileName,
                properties.ContentType ?? "application/octet-stream", properties.ContentLength, sha256), content, ct);
        }
        // Nobody signed in: the actor is the drop zone itself (whoever could write to it).
        await audit.AppendAsync(studyId, AuditEntries.For(DropZoneActor, AuditAction.UploadAccepted, result.Recording.Id,
            ("source", result.Recording.Source), ("sizeBytes", properties.ContentLength), ("duplicate", result.Duplicate), ("via", "drop-zone")), ct);
        log.LogInformation("Dropped upload accepted as {RecordingId} (duplicate: {Duplicate})", result.Recording.Id, result.Duplicate);
        // The bytes now live in raw-uploads; the drop zone is emptied so it never holds a second copy.
        await DroppedBlobs.DeleteAsync(blob, properties.ETag, ct);
        return result.Recording.Id;
    }
}
