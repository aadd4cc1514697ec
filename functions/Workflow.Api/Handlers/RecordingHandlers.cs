using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Workflow.Api.Contracts;
using Workflow.Api.Endpoints;
using Workflow.Api.Uploads;
using Workflow.Domain.Audit;
using Workflow.Domain.Ports;
using Workflow.Orchestrations;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>Interviewers upload recordings or transcripts and follow their progress.</summary>
public sealed class RecordingHandlers(
    StudyRepository studies,
    RecordingRepository recordings,
    RecordingDocuments documents,
    RecordingIntake intake,
    UploadAdmission admission,
    IWorkArea workArea,
    IAuditTrail audit,
    IOptions<PipelineOptions> options)
{
    public async Task<IResult> UploadAsync(ApiCall call)
    {
        var (studyId, ct) = (call.Route("studyId"), call.Cancellation);
        // Checked before the body is read, so a 500 MB upload to a study that cannot take it is not stored first.
        if (await admission.StudyRefusalAsync(studyId, ct) is { } studyRefusal) return studyRefusal.ToResult();

        var (upload, problem) = await MultipartUploadReader.ReadAsync(call.Request, options.Value.MaxUploadBytes, workArea, ct);
        if (problem is not null) return problem;
        using (upload)
        {
            var (accepted, refusal) = await admission.AdmitAsync(studyId, upload!.FileName, upload.ContentType, upload.Size, upload.Fields, ct);
            if (refusal is not null) return refusal.ToResult();
            var contentType = string.IsNullOrWhiteSpace(upload.ContentType) ? "application/octet-stream" : upload.ContentType;
            await using var content = File.OpenRead(upload.Path);
            var result = await intake.AcceptAsync(call.Durable,
                new IntakeRequest(studyId, accepted!.Metadata, accepted.Kind, upload.FileName, contentType, upload.Size, upload.Sha256, call.Caller.UserId), content, ct);

            // Kind, size and whether it was a duplicate; never the file name, which can name people.
            await audit.AppendAsync(studyId, AuditEntries.For(call, AuditAction.UploadAccepted, result.Recording.Id,
                ("source", result.Recording.Source), ("sizeBytes", upload.Size), ("duplicate", result.Duplicate)), ct);
            var url = ApiRoutes.RecordingUrl(result.Recording.Id);
            var body = new UploadAcceptedResponse(result.Recording.Id, url, result.Duplicate, result.Recording.Source);
            return result.Duplicate ? TypedResults.Ok(body) : TypedResults.Accepted(url, body);
        }
    }

    public async Task<IResult> GetAsync(ApiCall call)
    {
        var (recordingId, ct) = (call.Route("recordingId"), call.Cancellation);
        var recording = await recordings.GetAsync(recordingId, ct);
        if (recording is null || !Visible(call, recording)) return UnknownRecording(recordingId);
        // Inputs and outputs are ids and counts only; asking for them is what brings the custom status.
        var instance = await call.Durable.GetInstanceAsync(recordingId, getInputsAndOutputs: true, ct);
        return TypedResults.Ok(new RecordingResponse(
            recording.Id, recording.StudyId, recording.Stage, recording.Status, recording.Progress, recording.Error,
            recording.Source, recording.FileName, recording.SizeBytes, recording.DurationSeconds, recording.Metadata,
            recording.CreatedAt, recording.UpdatedAt,
            instance is null ? null : new OrchestrationView(instance.RuntimeStatus.ToString(), instance.SerializedCustomStatus, instance.LastUpdatedAt),
            ApiRoutes.RecordingUrl(recordingId) + "/transcript", recording.VerifiedAt, recording.RawAudioDeletedAt));
    }

    public async Task<IResult> ListAsync(ApiCall call)
    {
        var (studyId, ct) = (call.Route("studyId"), call.Cancellation);
        if (await studies.GetAsync(studyId, ct) is null) return StudyHandlers.UnknownStudy(studyId);
        var list = (await recordings.ListByStudyAsync(studyId, ct)).Where(r => Visible(call, r));
        return TypedResults.Ok(list.Select(r => new RecordingSummary(r.Id, r.Stage, r.Status, r.Progress, r.Error, r.Source, r.CreatedAt, ApiRoutes.RecordingUrl(r.Id))).ToList());
    }

    /// <summary>The verified, coded transcript once finalized; before that, the de-identified draft (marked unverified).</summary>
    public async Task<IResult> GetTranscriptAsync(ApiCall call)
    {
        var (recordingId, ct) = (call.Route("recordingId"), call.Cancellation);
        var recording = await recordings.GetAsync(recordingId, ct);
        if (recording is null || !Visible(call, recording)) return UnknownRecording(recordingId);
        if (recording.Status == Domain.Recordings.RecordingStatus.Deleting)
            return Problems.NotFound($"Recording '{recordingId}' is being deleted.");
        var final = await documents.GetFinalAsync(recording.StudyId, recordingId, ct);
        if (final is not null) return TypedResults.Ok(new VerifiedTranscriptResponse(final));
        var draft = await documents.GetDeidentifiedAsync(recording.StudyId, recordingId, ct);
        if (draft is not null) return TypedResults.Ok(new DraftTranscriptResponse(draft));
        return Problems.NotFound($"Recording '{recordingId}' has no de-identified transcript yet (stage: {recording.Stage}, status: {recording.Status}).");
    }

    /// <summary>An interviewer (who is neither coder nor lead) sees only the recordings they uploaded; others are answered as missing.</summary>
    internal static bool Visible(ApiCall call, Domain.Recordings.Recording recording) =>
        !call.SeesOnlyOwnRecordings || string.Equals(recording.UploadedBy, call.Caller.UserId, StringComparison.Ordinal);

    /// <summary>
    /// The lead-only way back from labels to the words they hide (a participant asks to see their
    /// quotes, a lead checks a redaction). Never cached by the browser or a proxy.
    /// </summary>
    public async Task<IResult> GetRedactionKeyAsync(ApiCall call)
    {
        var (recordingId, ct) = (call.Route("recordingId"), call.Cancellation);
        var recording = await recordings.GetAsync(recordingId, ct);
        if (recording is null) return UnknownRecording(recordingId);
        var record = await documents.GetDeidentificationRecordAsync(recording.StudyId, recordingId, ct);
        var draft = await documents.GetDeidentifiedAsync(recording.StudyId, recordingId, ct);
        if (record is null || draft is null) return Problems.NotFound($"Recording '{recordingId}' has not been de-identified yet (stage: {recording.Stage}).");
        var redactions = draft.Redactions.ToDictionary(r => r.Id);
        var rows = record.Key.Where(k => redactions.ContainsKey(k.RedactionId)).Select(k =>
        {
            var r = redactions[k.RedactionId];
            return new RedactionKeyRow(k.RedactionId, k.UtteranceIndex, r.Label, r.Kind, k.OriginalText, r.Recognizer);
        }).ToList();
        // Recorded before the key is sent: if the trail cannot record the reading, identities are not shown.
        await audit.AppendAsync(recording.StudyId, AuditEntries.For(call, AuditAction.RedactionKeyRead, recordingId,
            ("redactions", rows.Count), ("identifierListVersion", record.IdentifierListVersion)), ct);
        call.Request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new RedactionKeyResponse(recordingId, record.IdentifierListVersion, rows));
    }

    internal static IResult UnknownRecording(string recordingId) => Problems.NotFound($"There is no recording '{recordingId}'.");
}
