namespace Workflow.Domain.Verification;

/// <summary>
/// Which queue items a coder asks for: one kind, one recording, one code (a proposed code's id);
/// a null part matches anything. A coder working through one recording, or checking only
/// redactions, claims with a filter; without one the queue order decides. With
/// <see cref="InTranscriptOrder"/> the next item is the first waiting one in reading order
/// (<see cref="TranscriptOrder"/>) instead of the most doubtful.
/// </summary>
public sealed record ClaimFilter(VerificationItemKind? Kind = null, string? RecordingId = null, string? CodeId = null, bool InTranscriptOrder = false)
{
    /// <summary>Matches every item.</summary>
    public static readonly ClaimFilter None = new();

    public bool IsEmpty => Kind is null && RecordingId is null && CodeId is null;

    public bool Matches(VerificationItem item) =>
        (Kind is null || item.Kind == Kind)
        && (RecordingId is null || string.Equals(item.RecordingId, RecordingId, StringComparison.Ordinal))
        && (CodeId is null || string.Equals(item.Suggestion?.CodeId, CodeId, StringComparison.Ordinal));
}
