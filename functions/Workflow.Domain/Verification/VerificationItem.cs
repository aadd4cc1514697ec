using Workflow.Domain.Coding;
using Workflow.Domain.Deidentification;

namespace Workflow.Domain.Verification;

/// <summary>
/// One unit of work in a study's verification queue. <see cref="Context"/> is the de-identified
/// segment or utterance text the coder needs to judge the item. For a redaction,
/// <see cref="OriginalText"/> holds the redacted words, because a coder cannot judge a redaction
/// without them; that makes the queue identifiable material, stored with the identifiable data.
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
    DateTimeOffset CreatedAt);
