using System.Security.Cryptography;
using Azure.Storage.Blobs;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflow.Domain.Audit;
using Workflow.Domain.Ports;
using Workflow.Api.Handlers;
using Workflow.Orchestrations;
using Workflow.Storage;

namespace Workflow.Api.Uploads;

/// <summary>
/// Accepts recordings dropped straight into the <c>uploads</c> container (for example by AzCopy from
/// a field laptop) at <c>uploads/{studyId}/{file}</c>, with the upload form's fields as blob metadata
/// (siteid, format, participants, interviewer, consentrecording, ...). Accepted files move to the raw
/// uploads and start the same pipeline as an HTTP upload; refused ones stay where they are, with the
/// reason in the blob's <see cref="ErrorMetadata"/> metadata. Used by the Functions blob trigger and
/// by the local runner's poller.
/// </summary>
public sealed class DroppedUploadIntake(
    StudyRepository studies,
    CodebookRepository codebooks,
    RecordingIntake intake,
    TranscriptImporterCatalog importers,
    IOptions<PipelineOptions> options,
    IAuditTrail audit,
    ILogger<DroppedUploadIntake> log)
{
    /// <summary>Metadata key holding why a dropped file was refused; such files are not looked at again.</summary>
    public const string ErrorMetadata = "workflowerror";

    /// <summary>The audit trail's actor for files dropped into the container.</summary>
    public const string DropZoneActor = "system:drop-zone";

    /// <summary>Accepts or refuses one dropped blob. Returns the recording id, or null when refused or already refused.</summary>
    public async Task<string?> ProcessAsync(BlobClient blob, string studyId, string fileName, DurableTaskClient client, CancellationToken ct)
    {
        var properties = (await blob.GetPropertiesAsync(cancellationToken: ct)).Value;
        if (properties.Metadata.ContainsKey(ErrorMetadata)) return null;

        var study = await studies.GetAsync(studyId, ct);
        var refusal = study is null ? $"There is no study '{studyId}'."
            : properties.ContentLength == 0 ? "The file is empty."
            : properties.ContentLength > options.Value.MaxUploadBytes ? $"The file is larger than the limit of {options.Value.MaxUploadBytes} bytes."
            : await codebooks.GetCurrentAsync(studyId, ct) is null ? "The study has no codebook yet." : null;

        (Domain.Recordings.SourceKind Kind, Domain.Recordings.RecordingMetadata Metadata)? accepted = null;
        if (refusal is null)
        {
            accepted = UploadCheck.Check(fileName, properties.ContentType, properties.Metadata.AsReadOnly(), study!,
                importers.SupportedExtensions, out var problem);
            if (problem is not null) refusal = string.Join(" ", problem.Errors);
            else refusal = await intake.RefusalAsync(studyId, accepted!.Value.Metadata, ct);
        }
        if (refusal is not null)
        {
            log.LogWarning("Refused a dropped upload in study {StudyId}: {Reason}", studyId, refusal);
            await blob.SetMetadataAsync(new Dictionary<string, string>(properties.Metadata) { [ErrorMetadata] = refusal }, cancellationToken: ct);
            return null;
        }

        string sha256;
        await using (var hashing = await blob.OpenReadAsync(cancellationToken: ct))
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(hashing, ct));
        IntakeResult result;
        await using (var content = await blob.OpenReadAsync(cancellationToken: ct))
        {
            result = await intake.AcceptAsync(client, new IntakeRequest(studyId, accepted!.Value.Metadata, accepted.Value.Kind, fileName,
                properties.ContentType ?? "application/octet-stream", properties.ContentLength, sha256), content, ct);
        }
        // Nobody signed in: the actor is the drop zone itself (whoever could write to it).
        await audit.AppendAsync(studyId, AuditEntries.For(DropZoneActor, AuditAction.UploadAccepted, result.Recording.Id,
            ("source", result.Recording.Source), ("sizeBytes", properties.ContentLength), ("duplicate", result.Duplicate), ("via", "drop-zone")), ct);
        log.LogInformation("Dropped upload accepted as {RecordingId} (duplicate: {Duplicate})", result.Recording.Id, result.Duplicate);
        // The bytes now live in raw-uploads; the drop zone is emptied so it never holds a second copy.
        await blob.DeleteIfExistsAsync(cancellationToken: ct);
        return result.Recording.Id;
    }
}
