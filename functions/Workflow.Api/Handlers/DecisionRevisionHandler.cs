using Microsoft.AspNetCore.Http;
using Workflow.Api.Contracts;
using Workflow.Api.Endpoints;
using Workflow.Domain.Audit;
using Workflow.Domain.Ports;
using Workflow.Domain.Recordings;
using Workflow.Domain.Verification;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>
/// A coder changes their mind about an item they decided, or a lead overrules it: the newer decision
/// is appended and put in force, the earlier one kept in the item's history. Only while the recording
/// still waits for verification: its final transcript is made from the decisions in force when the
/// last item is decided.
/// </summary>
public sealed class DecisionRevisionHandler(VerificationQueue queue, RecordingRepository recordings, CodebookRepository codebooks, TimeProvider time, IAuditTrail audit,
    CorrectionDeidentifier corrections)
{
    public async Task<IResult> ReviseAsync(ApiCall call)
    {
        var (itemId, ct, caller) = (call.Route("itemId"), call.Cancellation, call.Caller);
        var (body, problem) = await RequestBodies.ReadJsonAsync<DecisionRequest>(call.Request, ct);
        if (problem is not null) return problem;
        if (body!.Action is null) return Problems.Validation([DecisionRequest.ActionRequired], "action");
        if (body.Teach != RedactionTeaching.None)
            return Problems.Validation(["addToStudyList and notIdentifying go with the first decision on a redaction, not with a revision."], "action");

        var (item, etag) = await queue.GetAsync(itemId, ct);
        if (item is null) return Problems.NotFound($"There is no queue item '{itemId}'.");
        if (item.Status != VerificationItemStatus.Decided || item.Decision is null)
            return Problems.Conflict(item.Status == VerificationItemStatus.Superseded
                ? "This item was superseded; its decision no longer applies and cannot be revised."
                : "This item has not been decided yet: claim it and decide it instead.");
        if (item.Kind == VerificationItemKind.Reconciliation)
            return Problems.Conflict("A reconciliation is settled by revising the proposal it settled, not the reconciliation itself.");
        if (item.Decision.DecidedBy != caller.UserId && !call.StudyRoles.Contains(Auth.WorkflowRoles.Lead))
            return Problems.Forbidden("Only the coder who made this decision, or a lead of the study, can revise it.");
        if (await recordings.GetAsync(item.RecordingId, ct) is not { Status: RecordingStatus.WaitingForVerification })
            return Problems.Conflict("The recording no longer waits for verification, so its final transcript would not change; re-run coding for the recording to verify it again.");

        var codebook = item.Suggestion is { } s ? await codebooks.GetAsync(item.StudyId, s.CodebookVersion, ct) : null;
        var errors = DecisionRules.Validate(item, body.Action.Value, body.CodeIds, codebook, note: body.Note, correctedText: body.CorrectedText);
        if (errors.Count > 0) return Problems.Validation(errors, "action");

        var corrected = await corrections.DeidentifiedAsync(item, body.CorrectedText, ct);
        var decision = new VerificationDecision(body.Action.Value, body.CodeIds, body.Note, caller.UserId, time.GetUtcNow(), CorrectedText: corrected);
        if (!await queue.TryReviseAsync(item, etag, decision, ct))
            return Problems.Conflict("The item changed while you were revising it (another revision or a re-code); read it again.");
        await audit.AppendAsync(item.StudyId, AuditEntries.For(call, AuditAction.DecisionRevised, item.Id,
            ("kind", item.Kind), ("action", decision.Action), ("earlierDecisions", (item.EarlierDecisions?.Count ?? 0) + 1)), ct);
        return TypedResults.Ok(new RevisionResponse(item.Id, decision.Action, decision.DecidedBy, (item.EarlierDecisions?.Count ?? 0) + 1));
    }
}
