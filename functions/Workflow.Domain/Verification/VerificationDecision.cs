namespace Workflow.Domain.Verification;

/// <summary>A decision on one item. <see cref="CodeIds"/> holds the replacement codes of an Edit.</summary>
public sealed record VerificationDecision(
    DecisionAction Action,
    IReadOnlyList<string>? CodeIds,
    string? Note,
    string DecidedBy,
    DateTimeOffset DecidedAt);
