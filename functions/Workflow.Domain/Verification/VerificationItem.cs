using Workflow.Domain.Coding;
using Workflow.Domain.Deidentification;

namespace Workflow.Domain.Verification;

/// <summary>
/// One unit of work in a study's verification queue. <see cref="Context"/> is the de-identified
/// segment or utterance text the coder needs to judge the item. For a redaction,
/// <see cref="OriginalText"/> holds the redacted words, because a coder cannot judge a redaction
/// without them; that makes the queue identifiable material, stored with the identifiable data.
/// Coders are offered items by <see cref="Priority"/> (lower first), then oldest first; items stored
/// before priorities existed read as <see cref="DefaultPriority"/>. <see cref="Basis"/> says, for an
/// item a re-run queued or carried over, why (the code changed, the text changed, a decision was kept).
/// <see cref="QueuedAt"/> is when a coder skipped it to the back of its priority band (null: never
/// skipped, in the queue by <see cref="CreatedAt"/>).
/// </summary>
public sealed record VerificationItem(
    string Id,
    string StudyId,
    string RecordingId,
    VerificationItemKind Kind,
    string Context,
    Redaction? Redaction,
    string? OriginalText,
    CodeSuggestion? Suggestion,
    VerificationItemStatus Status,
    string? ClaimedBy,
    DateTimeOffset? LeaseExpiresAt,
    VerificationDecision? Decision,
    DateTimeOffset CreatedAt,
    int Priority = VerificationItem.DefaultPriority,
    string? Basis = null,
    DateTimeOffset? QueuedAt = null)
{
    /// <summary>The priority of an item nobody prioritised.</summary>
    public const int DefaultPriority = 100;

    /// <summary>Highest priority number the queue orders by (three digits).</summary>
    public const int LowestPriority = 999;
}
