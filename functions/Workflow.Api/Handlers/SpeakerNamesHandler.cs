using Microsoft.AspNetCore.Http;
using Workflow.Api.Contracts;
using Workflow.Api.Endpoints;
using Workflow.Domain.Audit;
using Workflow.Domain.Ports;
using Workflow.Domain.Recordings;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>
/// The uploader of a recording, or a lead, names its diarized speakers by role or participant id
/// (<see cref="SpeakerNames"/>). The names are kept on the recording's row, so every later final
/// transcript (after a re-run too) uses them; a final transcript that already exists is renamed at once.
/// </summary>
public sealed class SpeakerNamesHandler(RecordingRepository recordings, RecordingDocuments documents, IAuditTrail audit)
{
    public async Task<IResult> GetAsync(ApiCall call)
    {
        var (recordingId, ct) = (call.Route("recordingId"), call.Cancellation);
        var recording = await recordings.GetAsync(recordingId, ct);
        if (recording is null || !RecordingHandlers.Visible(call, recording)) return RecordingHandlers.UnknownRecording(recordingId);
        var speakers = await SpeakersAsync(recording, ct);
        if (speakers is null) return NotYet(recording);
        return TypedResults.Ok(Response(recording, speakers, recording.SpeakerNames));
    }

    public async Task<IResult> PutAsync(ApiCall call)
    {
        var (recordingId, ct) = (call.Route("recordingId"), call.Cancellation);
        var recording = await recordings.GetAsync(recordingId, ct);
        if (recording is null || !RecordingHandlers.Visible(call, recording)) return RecordingHandlers.UnknownRecording(recordingId);
        if (!call.StudyRoles.Contains(Auth.WorkflowRoles.Lead) && !string.Equals(recording.UploadedBy, call.Caller.UserId, StringComparison.Ordinal))
            return Problems.Forbidden("Only the team member who uploaded this recording, or a lead of the study, can name its speakers.");
        if (recording.Status == RecordingStatus.Deleting) return Problems.NotFound($"Recording '{recordingId}' is being deleted.");

        var (body, problem) = await RequestBodies.ReadJsonAsync<Dictionary<string, string?>>(call.Request, ct);
        if (problem is not null) return problem;
        var speakers = await SpeakersAsync(recording, ct);
        if (speakers is null) return NotYet(recording);
        var (mapping, errors) = SpeakerNames.Validate(body!, speakers, recording.Metadata);
        if (errors.Count > 0) return Problems.Validation(errors, "speakers");

        var updated = await recordings.UpdateAsync(recordingId, r => r with { SpeakerNames = mapping }, ct);
        if (updated is null) return RecordingHandlers.UnknownRecording(recordingId);
        // After the row: a finaliser that read the old names re-reads the row after writing (see FinalizeRecordingActivity).
        await RenameFinalAsync(updated, mapping!, ct);
        // How many speakers were named, never the names (roles and ids, but the trail keeps to counts).
        await audit.AppendAsync(recording.StudyId, AuditEntries.For(call, AuditAction.SpeakersNamed, recordingId, ("speakers", mapping!.Count)), ct);
        return TypedResults.Ok(Response(updated, speakers, mapping));
    }

    private async Task RenameFinalAsync(Recording recording, IReadOnlyDictionary<string, string> mapping, CancellationToken ct)
    {
        var final = await documents.GetFinalAsync(recording.StudyId, recording.Id, ct);
        var labels = final is null ? null : await documents.GetDeidentifiedAsync(recording.StudyId, recording.Id, ct);
        if (final is not null && labels is not null)
            await documents.SaveFinalAsync(recording.StudyId, recording.Id, SpeakerNames.Apply(final, labels, mapping), ct);
    }

    /// <summary>The de-identified transcript's speaker labels, in order of first appearance; null before de-identification.</summary>
    private async Task<IReadOnlyList<string>?> SpeakersAsync(Recording recording, CancellationToken ct) =>
        (await documents.GetDeidentifiedAsync(recording.StudyId, recording.Id, ct))?.Utterances
            .Select(u => u.Speaker).Distinct(StringComparer.Ordinal).ToList();

    private static IResult NotYet(Recording recording) =>
        Problems.Conflict($"Recording '{recording.Id}' has no de-identified transcript yet (stage: {recording.Stage}, status: {recording.Status}), so its speakers are not known.");

    private static SpeakerNamesResponse Response(Recording recording, IReadOnlyList<string> speakers, IReadOnlyDictionary<string, string>? mapping) =>
        new(recording.Id, speakers, mapping ?? new Dictionary<string, string>(),
            SpeakerNames.TeamRoles.Concat(Enum.GetNames<RespondentRole>()).ToList(),
            recording.Metadata.Participants.Select(p => p.ParticipantId).ToList());
}
