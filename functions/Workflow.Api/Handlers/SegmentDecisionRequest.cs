using Workflow.Domain.Verification;

namespace Workflow.Api.Handlers;

/// <summary>
/// Body of <c>POST /api/queue/items/{itemId}/segment-decision</c>: a decision on each proposal of the
/// segment, codes the engine missed that apply to it as well, and one memo for the passage.
/// </summary>
public sealed record SegmentDecisionRequest(IReadOnlyList<SegmentItemDecision>? Decisions, IReadOnlyList<string>? AddedCodeIds, string? Note);

/// <summary>One proposal's decision within a segment decision.</summary>
public sealed record SegmentItemDecision(string? ItemId, DecisionAction? Action, IReadOnlyList<string>? CodeIds);
