using Microsoft.AspNetCore.Http;
using Workflow.Api.Contracts;
using Workflow.Api.Endpoints;
using Workflow.Domain.Audit;
using Workflow.Domain.Ports;
using Workflow.Domain.Verification;
using Workflow.Orchestrations;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>
/// A coder decides a segment as one unit: every proposal of the passage at once, plus codes the engine
/// missed. All decisions are stored in one transaction or none. Added codes join the decision on the
/// item the route names (an accept becomes an edit to its code and the added ones; a reject, an edit to
/// the added ones), so the final transcript and the agreement figures see them like any edited code.
/// </summary>
public sealed class SegmentDecisionHandler(VerificationQueue queue, CodebookRepository codebooks, TimeProvider time, VerificationSignaller signals, IAuditTrail audit)
{
    public async Task<IResult> DecideAsync(ApiCall call)
    {
        var (itemId, ct, coder) = (call.Route("itemId"), call.Cancellation, call.Caller.UserId);
        var (body, problem) = await RequestBodies.ReadJsonAsync<SegmentDecisionRequest>(call.Request, ct);
        if (problem is not null) return problem;
        if (Shape(body!, itemId) is { Count: > 0 } shapeErrors) return Problems.Validation(shapeErrors, "decisions");

        var now = time.GetUtcNow();
        var loaded = new List<(VerificationItem Item, Azure.ETag ETag, SegmentItemDecision Asked)>();
        foreach (var asked in body!.Decisions!)
        {
            var (item, etag) = await queue.GetAsync(asked.ItemId!, ct);
            if (await RefusalAsync(item, asked.ItemId!, coder, now, ct) is { } refusal) return refusal;
            loaded.Add((item!, etag, asked));
        }
        var main = loaded.Single(l => l.Item.Id == itemId).Item;
        if (loaded.Any(l => !SameSegment(l.Item, main)))
            return Problems.Validation(["Every decision must be on a proposal of the same segment, kind and codebook pass as the item in the address."], "decisions");

        var codebook = await codebooks.GetAsync(main.StudyId, main.Suggestion!.CodebookVersion, ct);
        var added = (body.AddedCodeIds ?? []).Distinct(StringComparer.Ordinal).ToList();
        var decisions = new List<(VerificationItem Item, Azure.ETag ETag, VerificationDecision Decision)>();
        var errors = new List<string>();
        foreach (var (item, etag, asked) in loaded)
        {
            var (action, codes) = item.Id == itemId ? WithAdded(asked.Action!.Value, asked.CodeIds, item.Suggestion!.CodeId, added) : (asked.Action!.Value, asked.CodeIds);
            var note = item.Id == itemId ? body.Note : null;
            errors.AddRange(DecisionRules.Validate(item, action, codes, codebook, note: note).Select(e => $"{item.Id}: {e}"));
            decisions.Add((item, etag, new VerificationDecision(action, codes, note, coder, now)));
        }
        if (errors.Count > 0) return Problems.Validation(errors, "decisions");
        if (!await queue.TryDecideTogetherAsync(decisions, ct))
            return Problems.Conflict("A proposal of this segment changed while you were deciding (another coder or a re-code); nothing was saved. Claim it again.");

        signals.Signal(call.Durable, main.RecordingId, main.Id);
        foreach (var (item, _, decision) in decisions)
            await audit.AppendAsync(item.StudyId, AuditEntries.For(call, AuditAction.DecisionRecorded, item.Id,
                ("kind", item.Kind), ("action", decision.Action), ("teach", decision.Teach)), ct);
        return TypedResults.Ok(new SegmentDecisionResponse(itemId,
            [.. decisions.Select(d => new DecisionResponse(d.Item.Id, VerificationItemStatus.Decided, d.Decision.Action, d.Decision.DecidedBy, d.Decision.Teach))], added));
    }

    private static List<string> Shape(SegmentDecisionRequest body, string itemId)
    {
        var errors = new List<string>();
        var decisions = body.Decisions ?? [];
        if (decisions.Count == 0) errors.Add("decisions is required: one { itemId, action } per proposal of the segment.");
        if (decisions.Count > VerificationQueue.MaxSegmentItems) errors.Add($"At most {VerificationQueue.MaxSegmentItems} proposals are decided together.");
        if (decisions.Any(d => string.IsNullOrEmpty(d.ItemId) || d.Action is null)) errors.Add("Each decision needs an itemId and an action (accept, reject or edit).");
        if (decisions.Select(d => d.ItemId).Distinct(StringComparer.Ordinal).Count() != decisions.Count) errors.Add("Each proposal may be decided once.");
        if (decisions.Count > 0 && decisions.All(d => d.ItemId != itemId)) errors.Add("The decisions must include the item in the address.");
        if ((body.AddedCodeIds?.Count ?? 0) > DecisionRules.MaxEditedCodes) errors.Add($"At most {DecisionRules.MaxEditedCodes} codes can be added to a segment.");
        return errors;
    }

    private async Task<IResult?> RefusalAsync(VerificationItem? item, string id, string coder, DateTimeOffset now, CancellationToken ct) => item switch
    {
        null => Problems.NotFound($"There is no queue item '{id}'."),
        { Status: VerificationItemStatus.Decided } => Problems.Conflict($"The proposal {id} has already been decided; nothing was saved."),
        { Status: VerificationItemStatus.Superseded } => Problems.Conflict($"The proposal {id} was superseded (for example by re-coding); nothing was saved. Claim the next item."),
        { Kind: not (VerificationItemKind.CodeSuggestion or VerificationItemKind.SecondCoding) } or { Suggestion: null } =>
            Problems.Validation([$"{id} is not a code proposal; redaction checks and reconciliations are decided one at a time."], "decisions"),
        { ClaimedBy: { } holder } when holder != coder && item.LeaseExpiresAt > now =>
            Problems.Conflict($"The proposal {id} is claimed by another coder until {item.LeaseExpiresAt:u}; nothing was saved."),
        _ => await DoubleCodingChecks.IndependenceProblemAsync(queue, item, coder, now, ct),
    };

    private static bool SameSegment(VerificationItem a, VerificationItem b) =>
        a.StudyId == b.StudyId && a.RecordingId == b.RecordingId && a.Kind == b.Kind
        && a.Suggestion!.SegmentId == b.Suggestion!.SegmentId && a.Suggestion.CodebookVersion == b.Suggestion.CodebookVersion;

    /// <summary>The decision on the named item with the added codes joined to what it applies.</summary>
    private static (DecisionAction Action, IReadOnlyList<string>? Codes) WithAdded(DecisionAction action, IReadOnlyList<string>? codes, string proposed, List<string> added)
    {
        if (added.Count == 0) return (action, codes);
        IEnumerable<string> applied = action switch
        {
            DecisionAction.Accept => [proposed],
            DecisionAction.Edit => codes ?? [],
            _ => [],
        };
        return (DecisionAction.Edit, [.. applied.Concat(added).Distinct(StringComparer.Ordinal)]);
    }
}
