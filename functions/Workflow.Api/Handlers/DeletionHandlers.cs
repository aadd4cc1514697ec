using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Workflow.Api.Contracts;
using Workflow.Api.Endpoints;
using Workflow.Domain.Audit;
using Workflow.Domain.Ports;
using Workflow.Domain.Recordings;
using Workflow.Domain.Studies;
using Workflow.Orchestrations;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Deletion;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>
/// Leads delete a recording, or withdraw a participant (which deletes every recording of theirs and
/// refuses their later uploads). The request marks the recordings "Deleting" and starts one durable
/// deletion each (<see cref="RecordingDeletionOrchestrator"/>); the answer is 202, and each recording
/// answers 404 once nothing of it is left but the audit trail's record of the deletion.
/// </summary>
public sealed class DeletionHandlers(
    StudyRepository studies,
    RecordingRepository recordings,
    ParticipantWithdrawals withdrawals,
    IAuditTrail audit,
    IOptions<PipelineOptions> options,
    TimeProvider time)
{
    public async Task<IResult> DeleteRecordingAsync(ApiCall call)
    {
        var (recordingId, ct) = (call.Route("recordingId"), call.Cancellation);
        if (await recordings.GetAsync(recordingId, ct) is not { } recording) return RecordingHandlers.UnknownRecording(recordingId);
        await StartDeletionAsync(call, recording, DeletionReason.Requested, ct);
        return TypedResults.Accepted(ApiRoutes.RecordingUrl(recordingId), new DeletionAcceptedResponse(recordingId, RecordingStatus.Deleting, ApiRoutes.RecordingUrl(recordingId)));
    }

    public async Task<IResult> WithdrawAsync(ApiCall call)
    {
        var (studyId, participantId, ct) = (call.Route("studyId"), call.Route("participantId"), call.Cancellation);
        if (await studies.GetAsync(studyId, ct) is not { } study) return StudyHandlers.UnknownStudy(studyId);
        if (!ParticipantIds.IsValid(participantId, study.ParticipantIdPattern))
            return Problems.Validation([$"'{participantId}' is not a participant id of this study (ids are study codes such as P017)."], "participantId");
        var (body, problem) = await RequestBodies.ReadOptionalJsonAsync(call.Request, new WithdrawalRequest(), ct);
        if (problem is not null) return problem;

        var plan = WithdrawalPlan.For(participantId, await recordings.ListByStudyAsync(studyId, ct), body!.GroupRecordings);
        if (plan.IsBlocked)
            return Problems.Conflict($"Participant '{participantId}' is also in group recordings with other participants: {string.Join(", ", plan.NeedChoice)}. " +
                "Send {\"groupRecordings\": \"delete\"} to delete them with everyone's words in them, or {\"groupRecordings\": \"keep\"} to keep them as your consent terms allow.");

        var earlier = await withdrawals.GetAsync(studyId, participantId, ct);
        var withdrawal = new ParticipantWithdrawal(studyId, earlier?.ParticipantId ?? participantId, earlier?.WithdrawnAt ?? time.GetUtcNow(), earlier?.WithdrawnBy ?? call.Caller.UserId,
            [.. (earlier?.DeletedRecordings ?? []).Union(plan.Delete, StringComparer.Ordinal)],
            [.. (earlier?.KeptGroupRecordings ?? []).Union(plan.Keep, StringComparer.Ordinal).Except(plan.Delete, StringComparer.Ordinal)]);
        // Audited and recorded before anything is deleted: from here on the participant's uploads are refused.
        await audit.AppendAsync(studyId, AuditEntries.For(call, AuditAction.ConsentWithdrawn, withdrawal.ParticipantId,
            ("recordingsDeleted", plan.Delete.Count), ("groupRecordingsKept", plan.Keep.Count)), ct);
        await withdrawals.SaveAsync(withdrawal, ct);
        foreach (var recordingId in plan.Delete)
            if (await recordings.GetAsync(recordingId, ct) is { } recording)
                await StartDeletionAsync(call, recording, DeletionReason.ConsentWithdrawn, ct);
        return TypedResults.Accepted(ApiRoutes.WithdrawalUrl(studyId, withdrawal.ParticipantId), await ViewAsync(withdrawal, ct));
    }

    public async Task<IResult> GetWithdrawalAsync(ApiCall call)
    {
        var (studyId, participantId, ct) = (call.Route("studyId"), call.Route("participantId"), call.Cancellation);
        if (await studies.GetAsync(studyId, ct) is null) return StudyHandlers.UnknownStudy(studyId);
        return await withdrawals.GetAsync(studyId, participantId, ct) is { } withdrawal
            ? TypedResults.Ok(await ViewAsync(withdrawal, ct))
            : Problems.NotFound($"Participant '{participantId}' has not withdrawn from study '{studyId}'.");
    }

    /// <summary>
    /// Marks the recording (so no stage update revives it and no upload restarts it) before the
    /// deletion starts; the deletion's instance id is fixed, so asking twice starts it once.
    /// </summary>
    private async Task StartDeletionAsync(ApiCall call, Recording recording, DeletionReason reason, CancellationToken ct)
    {
        if (recording.Status != RecordingStatus.Deleting)
        {
            await audit.AppendAsync(recording.StudyId, AuditEntries.For(call, AuditAction.RecordingDeletionRequested, recording.Id, ("reason", reason)), ct);
            await recordings.MarkDeletingAsync(recording.Id, ct);
        }
        var instanceId = RecordingDeletionInput.InstanceIdFor(recording.Id);
        var existing = await call.Durable.GetInstanceAsync(instanceId, ct);
        if (existing is not null && DurableRecordingInstances.IsRunning(existing.RuntimeStatus))
            return;
        // An earlier deletion that ended (failed, stopped by hand, or done before the same file was uploaded
        // again) is replaced: the recording is marked, and every step is idempotent.
        if (existing is not null) await call.Durable.PurgeInstanceAsync(instanceId, cancellation: ct);
        await call.Durable.ScheduleNewOrchestrationInstanceAsync(nameof(RecordingDeletionOrchestrator),
            new RecordingDeletionInput(recording.StudyId, recording.Id, call.Caller.UserId, reason, options.Value.DeletionSweepDelay),
            new StartOrchestrationOptions(InstanceId: instanceId), ct);
    }

    private async Task<WithdrawalResponse> ViewAsync(ParticipantWithdrawal withdrawal, CancellationToken ct)
    {
        var states = new List<WithdrawnRecording>();
        foreach (var recordingId in withdrawal.DeletedRecordings)
            states.Add(new WithdrawnRecording(recordingId, await recordings.GetAsync(recordingId, ct) is null ? "Deleted" : "Deleting"));
        return new WithdrawalResponse(withdrawal.StudyId, withdrawal.ParticipantId, withdrawal.WithdrawnAt, withdrawal.WithdrawnBy, states,
            withdrawal.KeptGroupRecordings, states.All(s => s.State == "Deleted"), ApiRoutes.WithdrawalUrl(withdrawal.StudyId, withdrawal.ParticipantId));
    }
}
