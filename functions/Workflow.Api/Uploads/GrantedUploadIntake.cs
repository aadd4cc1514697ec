using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Workflow.Api.Handlers;
using Workflow.Domain.Audit;
using Workflow.Domain.Ports;
using Workflow.Domain.Uploads;
using Workflow.Storage;

namespace Workflow.Api.Uploads;

/// <summary>
/// Takes in a file written with an upload grant's SAS URL, exactly as an HTTP upload with the
/// grant's metadata (checked again now: a participant may have withdrawn since). The metadata comes
/// from the grant, never from the blob, so it cannot be changed after it was checked. The outcome
/// goes on the grant, where the uploader reads it. A grant is taken in once: the intake's
/// conditional update means a blob delivered twice records one acceptance and one audit event, and
/// a file written again with the URL afterwards is removed, not made a second recording.
/// </summary>
public sealed class GrantedUploadIntake(
    UploadGrants grants,
    UploadAdmission admission,
    RecordingIntake intake,
    IAuditTrail audit,
    TimeProvider time,
    ILogger<GrantedUploadIntake> log)
{
    public async Task<string?> ProcessAsync(BlobClient blob, BlobProperties properties, string studyId, string fileName, DurableTaskClient client, CancellationToken ct)
    {
        var grantId = UploadGrantNames.GrantIdOf(fileName);
        var (grant, etag) = grantId is null ? (null, default) : await grants.GetAsync(studyId, grantId, ct);
        if (grant is null || grant.BlobName != $"{studyId}/{fileName}")
        {
            // Not written with a URL this app gave out (or renamed): nobody vouched for its metadata.
            log.LogWarning("Removed a drop-zone file in study {StudyId} named like a granted upload without a matching grant", studyId);
            await DroppedBlobs.DeleteAsync(blob, properties.ETag, ct);
            return null;
        }
        if (grant.State == UploadGrantState.Accepted)
        {
            log.LogWarning("Removed a second file written with upload grant {GrantId} after it was taken in as {RecordingId}", grant.GrantId, grant.RecordingId);
            await DroppedBlobs.DeleteAsync(blob, properties.ETag, ct);
            return null;
        }

        var refusal = properties.BlobType != BlobType.Block ? "The file must be written as a block blob (x-ms-blob-type: BlockBlob)."
            : properties.ContentLength != grant.SizeBytes ? $"The grant is for {grant.SizeBytes} bytes but {properties.ContentLength} arrived: write the whole file again with the same URL."
            : null;
        AdmittedUpload? admitted = null;
        if (refusal is null)
        {
            (admitted, var problem) = await admission.AdmitAsync(studyId, grant.FileName, grant.ContentType, properties.ContentLength,
                new Dictionary<string, string>(grant.Fields, StringComparer.OrdinalIgnoreCase), ct);
            refusal = problem?.Message;
        }
        if (refusal is not null)
        {
            // The reason is on the grant; the bytes go, so the drop zone holds no identifiable file nobody will take in.
            log.LogWarning("Refused granted upload {GrantId} in study {StudyId}: {Reason}", grant.GrantId, studyId, refusal);
            await grants.TryReplaceAsync(grant.Refuse(refusal, time.GetUtcNow()), etag, ct);
            await DroppedBlobs.DeleteAsync(blob, properties.ETag, ct);
            return null;
        }

        var sha256 = await DroppedBlobs.Sha256Async(blob, properties.ETag, ct);
        IntakeResult result;
        await using (var content = await DroppedBlobs.OpenReadAsync(blob, properties.ETag, ct))
        {
            result = await intake.AcceptAsync(client, new IntakeRequest(studyId, admitted!.Metadata, admitted.Kind, grant.FileName,
                grant.ContentType, properties.ContentLength, sha256, grant.GrantedBy), content, ct);
        }
        // Only the intake that records the acceptance audits it; a second delivery of the same blob finds it done.
        if (await grants.TryReplaceAsync(grant.Accept(result.Recording.Id, result.Duplicate, time.GetUtcNow()), etag, ct))
            await audit.AppendAsync(studyId, AuditEntries.For(grant.GrantedBy, AuditAction.UploadAccepted, result.Recording.Id,
                ("source", result.Recording.Source), ("sizeBytes", properties.ContentLength), ("duplicate", result.Duplicate), ("via", "sas"), ("grant", grant.GrantId)), ct);
        log.LogInformation("Granted upload {GrantId} accepted as {RecordingId} (duplicate: {Duplicate})", grant.GrantId, result.Recording.Id, result.Duplicate);
        await DroppedBlobs.DeleteAsync(blob, properties.ETag, ct);
        return result.Recording.Id;
    }
}
