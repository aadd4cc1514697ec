using Workflow.Domain.Verification;

namespace Workflow.Api.Handlers;

/// <summary>Body of <c>POST /api/queue/items/{itemId}/decision</c>.</summary>
public sealed record DecisionRequest(DecisionAction? Action, IReadOnlyList<string>? CodeIds, string? Note);
