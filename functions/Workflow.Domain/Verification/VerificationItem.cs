using System.Text.Json.Serialization;
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
/// <see cref="PairedWith"/> links a double-coded proposal and its second coding (each names the other), so
/// no coder is given both. <see cref="Reconciles"/> is what a reconciliation item settles.
/// <see cref="EarlierDecisions"/> keeps, oldest first, every decision a newer one revised: decisions are
/// appended, never overwritten. <see cref="Passage"/> is where a transcript check stands in its turn
/// and in time.
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
    DateTimeOffset? QueuedAt = null,
    string? PairedWith = null,
    CodingDisagreement? Reconciles = null,
    IReadOnlyList<VerificationDecision>? EarlierDecisions = null,
    TranscriptPassage? Passage = null)
{
    /// <summary>The priority of an item nobody prioritised.</summary>
    public const int DefaultPriority = 100;

    /// <summary>Highest priority number the queue orders by (three digits).</summary>
    public const int LowestPriority = 999;

    /// <summary>The first decision made on this item, before any revision (null while undecided).</summary>
    [JsonIgnore]
    public VerificationDecision? OriginalDecision => EarlierDecisions is { Count: > 0 } earlier ? earlier[0] : Decision;

    /// <summary>This decided item with <paramref name="newer"/> in force and its current decision kept as history.</summary>
    public VerificationItem RevisedBy(VerificationDecision newer)
    {
        if (Status != VerificationItemStatus.Decided || Decision is null)
            throw new InvalidOperationException("Only a decided item can be revised.");
        return this with { Decision = newer, EarlierDecisions = [.. EarlierDecisions ?? [], Decision] };
    }
}

/// <summary>The two independent decisions on a double-coded proposal that did not agree.</summary>
public sealed record CodingDisagreement(string FirstItemId, string SecondItemId, VerificationDecision First, VerificationDecision Second);
