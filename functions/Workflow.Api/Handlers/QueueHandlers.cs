using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Workflow.Api.Contracts;
using Workflow.Api.Endpoints;
using Workflow.Domain.Audit;
using Workflow.Domain.Ports;
using Workflow.Domain.Verification;
using Workflow.Orchestrations;
using Workflow.Orchestrations.Contracts;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>Coders claim items from a study's verification queue and decide them.</summary>
public sealed class QueueHandlers(
    StudyRepository studies,
    VerificationQueue queue,
    IdentifierListRepository identifierLists,
    CodebookRepository codebooks,
    TimeProvider time,
    IOptions<PipelineOptions> options,
    VerificationSignaller signals,
    IAuditTrail audit,
    ItemPlaceReader places,
    CorrectionDeidentifier corrections)
{
    public async Task<IResult> ClaimAsync(ApiCall call)
    {
        var (studyId, ct) = (call.Route("studyId"), call.Cancellation);
        if (await studies.GetAsync(studyId, ct) is null) return StudyHandlers.UnknownStudy(studyId);
        var (filter, invalid) = ClaimFilterQuery.Read(call.Request.Query);
        if (invalid is not null) return Problems.BadRequest(invalid);
        var item = await queue.ClaimNextAsync(studyId, call.Caller.UserId, options.Value.ClaimLease, time.GetUtcNow(), ct, filter, MayReconcile(call));
        if (item is null) return TypedResults.NoContent();
        // A redaction check shows the words it hides: access to identifiable material, recorded before it is shown.
        if (item.Kind == VerificationItemKind.Redaction)
            await audit.AppendAsync(studyId, AuditEntries.For(call, AuditAction.RedactionShown, item.Id), ct);
        // The other proposals of the segment come with it: a coder judges the passage's codes as one unit.
        var segment = await queue.LeaseSegmentAsync(item, call.Caller.UserId, item.LeaseExpiresAt ?? time.GetUtcNow(), time.GetUtcNow(), ct);
        return TypedResults.Ok(View(item) with
        {
            Place = await places.ReadAsync(item, ct),
            Segment = IsProposal(item) ? [.. segment.OrderByDescending(i => i.Suggestion?.Confidence).Select(View)] : null,
            SegmentDecisionUrl = IsProposal(item) ? $"/{ApiRoutes.Prefix}/queue/items/{item.Id}/segment-decision" : null,
        });
    }

    /// <summary>
    /// Gives the caller's claimed item back before its lease lapses (end of a session, an item the coder
    /// cannot judge), with the rest of its segment they hold. Only the coder holding a live lease can
    /// release it; the decision stays undone.
    /// </summary>
    public async Task<IResult> ReleaseAsync(ApiCall call)
    {
        var (item, etag, refusal) = await HeldByCallerAsync(call, "release");
        if (refusal is not null) return refusal;
        if (!await queue.TryReleaseAsync(item!, etag, call.Cancellation))
            return Problems.Conflict("The item changed while you were releasing it (a decision or a re-code); claim the next one.");
        await queue.LetGoOfRestOfSegmentAsync(item!, call.Caller.UserId, time.GetUtcNow(), call.Cancellation);
        return TypedResults.Ok(new ReleaseResponse(item!.Id, VerificationItemStatus.Pending));
    }

    /// <summary>
    /// Passes the caller's claimed item over for now: it goes to the back of its priority band,
    /// unclaimed, so the coder's next claim offers something else first. Same checks as a release.
    /// </summary>
    public async Task<IResult> SkipAsync(ApiCall call)
    {
        var (item, etag, refusal) = await HeldByCallerAsync(call, "skip");
        if (refusal is not null) return refusal;
        var now = time.GetUtcNow();
        if (await queue.TrySkipAsync(item!, etag, now, call.Cancellation) is not { } skipped)
            return Problems.Conflict("The item changed while you were skipping it (a decision or a re-code); claim the next one.");
        await queue.LetGoOfRestOfSegmentAsync(item!, call.Caller.UserId, now, call.Cancellation, skippedAt: now);
        return TypedResults.Ok(new SkipResponse(skipped.Id, VerificationItemStatus.Pending, skipped.QueuedAt!.Value));
    }

    /// <summary>The route's item if the caller holds a live claim on it; otherwise the refusal, in words naming <paramref name="verb"/>.</summary>
    private async Task<(VerificationItem? Item, Azure.ETag ETag, IResult? Refusal)> HeldByCallerAsync(ApiCall call, string verb)
    {
        var itemId = call.Route("itemId");
        var (item, etag) = await queue.GetAsync(itemId, call.Cancellation);
        IResult? refusal = item switch
        {
            null => Problems.NotFound($"There is no queue item '{itemId}'."),
            { Status: VerificationItemStatus.Decided } => Problems.Conflict($"This item has already been decided; there is nothing to {verb}."),
            { Status: VerificationItemStatus.Superseded } => Problems.Conflict($"This item was superseded; there is nothing to {verb}."),
            _ when item.ClaimedBy != call.Caller.UserId || item.LeaseExpiresAt is not { } until || until <= time.GetUtcNow()
                => Problems.Conflict($"You do not hold a live claim on this item, so there is nothing of yours to {verb}."),
            _ => null,
        };
        return (item, etag, refusal);
    }

    /// <summary>The study's queue at a glance for the dashboard: pending items by kind, leases held, by whom.</summary>
    public async Task<IResult> SummaryAsync(ApiCall call)
    {
        var (studyId, ct) = (call.Route("studyId"), call.Cancellation);
        if (await studies.GetAsync(studyId, ct) is null) return StudyHandlers.UnknownStudy(studyId);
        var summary = await queue.SummarizePendingAsync(studyId, time.GetUtcNow(), ct);
        return TypedResults.Ok(new QueueSummaryResponse(studyId, summary.Pending,
            summary.PendingByKind.ToDictionary(p => p.Key.ToString(), p => p.Value), summary.Claimed, summary.ActiveCoders));
    }

    public async Task<IResult> DecideAsync(ApiCall call)
    {
        var (itemId, ct, principal) = (call.Route("itemId"), call.Cancellation, call.Caller);
        var (body, problem) = await RequestBodies.ReadJsonAsync<DecisionRequest>(call.Request, ct);
        if (problem is not null) return problem;
        if (body!.Action is null) return Problems.Validation([DecisionRequest.ActionRequired], "action");

        var (item, etag) = await queue.GetAsync(itemId, ct);
        if (item is null) return Problems.NotFound($"There is no queue item '{itemId}'.");
        var now = time.GetUtcNow();
        if (item.Status == VerificationItemStatus.Decided) return Problems.Conflict("This item has already been decided.");
        if (item.Status == VerificationItemStatus.Superseded) return Problems.Conflict("This item was superseded (for example by re-coding against a new codebook); claim the next one.");
        if (item.ClaimedBy is { } holder && holder != principal.UserId && item.LeaseExpiresAt > now)
            return Problems.Conflict($"This item is claimed by another coder until {item.LeaseExpiresAt:u}.");
        if (item.Kind == VerificationItemKind.Reconciliation && !MayReconcile(call))
            return Problems.Forbidden("Only a lead of the study settles a disagreement between two coders.");
        if (await DoubleCodingChecks.IndependenceProblemAsync(queue, item, principal.UserId, now, ct) is { } dependent) return dependent;

        var codebook = item.Suggestion is { } s ? await codebooks.GetAsync(item.StudyId, s.CodebookVersion, ct) : null;
        var errors = DecisionRules.Validate(item, body.Action.Value, body.CodeIds, codebook, body.Teach, body.Note, body.CorrectedText);
        if (body is { AddToStudyList: true, NotIdentifying: true }) errors = [.. errors, "addToStudyList and notIdentifying exclude each other."];
        if (errors.Count > 0) return Problems.Validation(errors, "action");

        // The study learns first: both changes are idempotent, so a retry after a failed decision repeats nothing.
        if (body.Teach != RedactionTeaching.None && item is { Redaction: { } redaction, OriginalText: { Length: > 0 } words })
            await identifierLists.UpdateAsync(item.StudyId, (list, version) => body.Teach == RedactionTeaching.AddToStudyList
                ? list.WithIdentifier(words, redaction.Kind, version)
                : list.WithNotIdentifying(words, version), ct);

        var corrected = await corrections.DeidentifiedAsync(item, body.CorrectedText, ct);
        var decision = new VerificationDecision(body.Action.Value, body.CodeIds, body.Note, principal.UserId, now, body.Teach, corrected);
        // The lead's verdict becomes the proposal's decision in force (the coders' own stay in its history),
        // before the reconciliation is closed: a retry after a failure in between revises again, harmlessly.
        if (item.Reconciles is { } disagreement && await ReviseProposalAsync(disagreement.FirstItemId, decision, ct) is { } notRevised)
            return notRevised;
        if (!await queue.TryDecideAsync(item, etag, decision, ct))
            return Problems.Conflict("The item changed while you were deciding it (another coder or a re-code); claim it again.");

        // The decision is stored: the waiting orchestration is told in the background (see VerificationSignaller),
        // first, so that a failure to record the audit event cannot hold the recording up.
        signals.Signal(call.Durable, item.RecordingId, item.Id);
        // The verdict, never the note (free text) or the redacted words.
        await audit.AppendAsync(item.StudyId, AuditEntries.For(call, AuditAction.DecisionRecorded, item.Id,
            ("kind", item.Kind), ("action", decision.Action), ("teach", decision.Teach)), ct);
        return TypedResults.Ok(new DecisionResponse(itemId, VerificationItemStatus.Decided, decision.Action, decision.DecidedBy, decision.Teach));
    }

    private static bool IsProposal(VerificationItem item) => item is { Kind: VerificationItemKind.CodeSuggestion or VerificationItemKind.SecondCoding, Suggestion: not null };

    internal static bool MayReconcile(ApiCall call) => call.StudyRoles.Contains(Auth.WorkflowRoles.Lead);

    /// <summary>Revises the reconciled proposal's decision; a problem when it cannot be found or keeps changing.</summary>
    private async Task<IResult?> ReviseProposalAsync(string proposalId, VerificationDecision decision, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var (proposal, etag) = await queue.GetAsync(proposalId, ct);
            if (proposal is not { Status: VerificationItemStatus.Decided })
                return Problems.Conflict("The proposal this reconciliation settles is no longer decided (a re-code retired it); claim the next item.");
            if (await queue.TryReviseAsync(proposal, etag, decision, ct)) return null;
        }
        return Problems.Conflict("The proposal this reconciliation settles kept changing; try again.");
    }

    /// <summary>What a coder sees of an item.</summary>
    internal static QueueItemView View(VerificationItem item) => new(
        item.Id,
        item.Kind,
        item.RecordingId,
        item.Context,
        item.Redaction is { } r ? new RedactionView(r.Label, r.Kind, r.Confidence, r.Recognizer, item.OriginalText) : null,
        item.Suggestion is { } s ? new SuggestionView(s.CodeId, s.Confidence, s.Evidence.Text, s.Engine, s.CodebookVersion) : null,
        item.LeaseExpiresAt,
        DecisionRules.AllowedFor(item.Kind),
        $"/{ApiRoutes.Prefix}/queue/items/{item.Id}/decision",
        $"/{ApiRoutes.Prefix}/queue/items/{item.Id}/release",
        item.Basis,
        $"/{ApiRoutes.Prefix}/queue/items/{item.Id}/skip",
        Reconciles: item.Reconciles is { } d && item.Suggestion is { } proposed
            ? new ReconciliationView(Coding(d.First, proposed.CodeId), Coding(d.Second, proposed.CodeId))
            : null,
        RevisionUrl: item.Kind == VerificationItemKind.Reconciliation ? null : $"/{ApiRoutes.Prefix}/queue/items/{item.Id}/revision",
        Passage: item.Passage is { } p ? new PassageView(p.UtteranceIndex, p.StartSeconds, p.EndSeconds, p.MeanConfidence, p.WordCount) : null,
        CorrectedText: item.Decision?.CorrectedText);

    private static CodingView Coding(VerificationDecision decision, string proposedCode) =>
        new(decision.DecidedBy, decision.Action, [.. DoubleCoding.CodesApplied(decision, proposedCode).Order(StringComparer.Ordinal)], decision.Note, decision.DecidedAt);
}
