using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Workflow.Api.Contracts;
using Workflow.Api.Endpoints;
using Workflow.Api.Uploads;
using Workflow.Domain.Audit;
using Workflow.Domain.Ports;
using Workflow.Domain.Uploads;
using Workflow.Orchestrations;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>
/// Uploads of any size go straight to storage: the uploader asks for a grant with the file's name,
/// size and metadata; everything an HTTP upload would check is checked now, and the answer is a
/// short-lived URL that can write that one file into the drop zone and nothing else. The drop-zone
/// intake (<see cref="GrantedUploadIntake"/>) takes the file in when it arrives.
/// </summary>
public sealed class UploadGrantHandlers(
    UploadAdmission admission,
    UploadGrants grants,
    DroppedUploads dropZone,
    IAuditTrail audit,
    TimeProvider time,
    IOptions<PipelineOptions> options)
{
    public async Task<IResult> CreateAsync(ApiCall call)
    {
        var (studyId, ct) = (call.Route("studyId"), call.Cancellation);
        if (await admission.StudyRefusalAsync(studyId, ct) is { } studyRefusal) return studyRefusal.ToResult();
        var (request, problem) = await RequestBodies.ReadJsonAsync<UploadGrantRequest>(call.Request, ct);
        if (problem is not null) return problem;

        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(request!.FileName)) missing.Add("fileName is required (the file's name, with its extension).");
        if (request.SizeBytes is null) missing.Add("sizeBytes is required (the file's exact size: the upload must match it).");
        var (fields, fieldErrors) = FieldsOf(request.Fields);
        missing.AddRange(fieldErrors);
        if (missing.Count > 0) return Problems.Validation(missing);

        var fileName = request.FileName!.Trim();
        var contentType = string.IsNullOrWhiteSpace(request.ContentType) ? "application/octet-stream" : request.ContentType.Trim();
        var (_, refusal) = await admission.AdmitAsync(studyId, fileName, contentType, request.SizeBytes!.Value, fields, ct);
        if (refusal is not null) return refusal.ToResult();

        var now = time.GetUtcNow();
        var grant = new UploadGrant(studyId, UploadGrantNames.NewGrantId(), fileName, contentType, request.SizeBytes.Value, fields,
            call.Caller.UserId, now, now + options.Value.UploadSasLifetime);
        if (!await grants.TryAddAsync(grant, ct)) return Problems.Unavailable("Could not record the upload grant; ask again.");
        var url = await dropZone.GetUploadUrlAsync(grant.BlobName, options.Value.UploadSasLifetime, now, ct);
        await audit.AppendAsync(studyId, AuditEntries.For(call, AuditAction.UploadGranted, grant.GrantId,
            ("sizeBytes", grant.SizeBytes), ("expiresAt", grant.ExpiresAt.ToString("O"))), ct);

        var statusUrl = ApiRoutes.UploadGrantUrl(studyId, grant.GrantId);
        return TypedResults.Created(statusUrl, new UploadGrantResponse(grant.GrantId, url, "PUT",
            new Dictionary<string, string> { ["x-ms-blob-type"] = "BlockBlob", ["x-ms-blob-content-type"] = contentType },
            grant.ExpiresAt, grant.SizeBytes, statusUrl));
    }

    public async Task<IResult> GetAsync(ApiCall call)
    {
        var (studyId, grantId, ct) = (call.Route("studyId"), call.Route("grantId"), call.Cancellation);
        var (grant, _) = await grants.GetAsync(studyId, grantId, ct);
        // Another interviewer's grant reads as unknown, like their recordings.
        if (grant is null || (call.SeesOnlyOwnRecordings && grant.GrantedBy != call.Caller.UserId))
            return Problems.NotFound($"There is no upload grant '{grantId}' in study '{studyId}'.");
        var arrived = grant.State != UploadGrantState.Accepted && await dropZone.Container.GetBlobClient(grant.BlobName).ExistsAsync(ct);
        var state = arrived ? grant.State : grant.StateAt(time.GetUtcNow());
        return TypedResults.Ok(new UploadGrantStatusResponse(grant.GrantId, state, arrived, grant.ExpiresAt, grant.RecordingId,
            grant.RecordingId is null ? null : ApiRoutes.RecordingUrl(grant.RecordingId), grant.Duplicate, grant.Reason));
    }

    private const int MaxFields = 32;
    private const int MaxFieldText = 4096;

    /// <summary>The form's fields as strings (JSON booleans and numbers as their text); anything else is refused by name.</summary>
    internal static (Dictionary<string, string> Fields, List<string> Errors) FieldsOf(Dictionary<string, JsonElement>? given)
    {
        var (fields, errors) = (new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), new List<string>());
        // The grant is one table row: bounded here, the form's own limits are the parser's.
        if (given is { Count: > MaxFields }) return (fields, [$"fields has {given.Count} entries; the upload form has fewer than {MaxFields}."]);
        foreach (var (name, value) in given ?? [])
        {
            if (name.Length > MaxFieldText || (value.ValueKind == JsonValueKind.String && value.GetString()!.Length > MaxFieldText))
            {
                errors.Add($"fields entries are at most {MaxFieldText} characters.");
                break;
            }
            switch (value.ValueKind)
            {
                case JsonValueKind.String: fields[name] = value.GetString()!; break;
                case JsonValueKind.True or JsonValueKind.False or JsonValueKind.Number: fields[name] = value.GetRawText(); break;
                case JsonValueKind.Null: break;
                default: errors.Add($"fields.{name} must be a string, a number or true/false."); break;
            }
        }
        return (fields, errors);
    }
}
