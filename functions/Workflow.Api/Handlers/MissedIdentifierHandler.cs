using Microsoft.AspNetCore.Http;
using Workflow.Api.Contracts;
using Workflow.Api.Endpoints;
using Workflow.Domain.Audit;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Ports;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>
/// <c>POST /api/recordings/{recordingId}/missed-identifiers</c> (coder, lead): a coder marks words the
/// engines left in a de-identified transcript as an identifier of a kind. The words join the study's
/// identifier list as a new version, which starts the de-identification batch every list change
/// starts: this recording and every other already processed are de-identified again (pseudonyms and
/// decisions kept, changed spans asked again), and later uploads redact the words with certainty.
/// The words never reach the audit trail or the response; the event names the recording, the kind and
/// the list version.
/// </summary>
public sealed class MissedIdentifierHandler(
    RecordingRepository recordings,
    RecordingDocuments documents,
    StudyRepository studies,
    IdentifierListRepository identifierLists,
    IdentifierListReprocessor reprocessor,
    IAuditTrail audit)
{
    public async Task<IResult> MarkAsync(ApiCall call)
    {
        var (recordingId, ct) = (call.Route("recordingId"), call.Cancellation);
        var (body, problem) = await RequestBodies.ReadJsonAsync<MissedIdentifierRequest>(call.Request, ct);
        if (problem is not null) return problem;
        if (body!.Kind is not { } kind || !Enum.IsDefined(kind))
            return Problems.Validation([$"kind is required: {string.Join(", ", Enum.GetNames<IdentifierKind>())}."], "kind");

        var recording = await recordings.GetAsync(recordingId, ct);
        if (recording is null) return RecordingHandlers.UnknownRecording(recordingId);
        var transcript = await documents.GetDeidentifiedAsync(recording.StudyId, recordingId, ct);
        if (transcript is null) return Problems.Conflict($"Recording '{recordingId}' has not been de-identified yet (stage: {recording.Stage}); mark missed identifiers once it has.");
        var (errors, occurrences) = MissedIdentifier.Check(transcript, body.Text);
        if (errors.Count > 0) return Problems.Validation(errors, "text");
        if (await studies.GetAsync(recording.StudyId, ct) is not { } study) return StudyHandlers.UnknownStudy(recording.StudyId);

        var words = body.Text!.Trim();
        var added = false;
        var list = await identifierLists.UpdateAsync(study.Id, (current, version) =>
        {
            // Called again if another writer took the version first: the last call is the one stored.
            var next = current.WithIdentifier(words, kind, version);
            added = next is not null;
            return next;
        }, ct);
        await audit.AppendAsync(study.Id, AuditEntries.For(call, AuditAction.MissedIdentifierMarked, recordingId,
            ("kind", kind), ("identifierListVersion", list.Version), ("added", added)), ct);
        // Already on the list (another coder marked it, or the list holds it under another kind): no new version, no batch.
        var reprocess = added ? await reprocessor.AfterChangeAsync(call, study, list.Version) : null;
        return TypedResults.Ok(new MissedIdentifierResponse(recordingId, kind, occurrences, list.Version, added, reprocess));
    }
}
