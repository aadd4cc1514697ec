using Workflow.Domain.Deidentification;
using Workflow.Domain.Verification;

namespace Workflow.Api.Contracts;

/// <summary>
/// What a coder sees of a claimed item. The original words appear only inside a redaction check.
/// <see cref="Basis"/> says why a re-run put the item back (e.g. the code's definition changed).
/// <see cref="RevisionUrl"/> is where the coder changes their mind once it is decided (none for a
/// reconciliation: the lead revises the proposal it settled). <see cref="Passage"/> places a transcript
/// check; <see cref="CorrectedText"/> is a decided check's correction as stored (de-identified).
/// </summary>
public sealed record QueueItemView(
    string Id,
    VerificationItemKind Kind,
    string RecordingId,
    string? Context,
    RedactionView? Redaction,
    SuggestionView? Suggestion,
    DateTimeOffset? LeaseExpiresAt,
    IReadOnlyList<DecisionAction> AllowedActions,
    string DecisionUrl,
    string ReleaseUrl,
    string? Basis = null,
    string? SkipUrl = null,
    ItemPlace? Place = null,
    ReconciliationView? Reconciles = null,
    IReadOnlyList<QueueItemView>? Segment = null,
    string? SegmentDecisionUrl = null,
    string? RevisionUrl = null,
    PassageView? Passage = null,
    string? CorrectedText = null);

/// <summary>
/// Where a transcript check's passage is: its turn and times (to play just that stretch of the
/// de-identified audio), the recogniser's mean confidence over its words, and how many words it has.
/// </summary>
public sealed record PassageView(int Utterance, double StartSeconds, double EndSeconds, double MeanConfidence, int Words);

/// <summary>For a lead settling a disagreement: what each of the two coders decided, independently.</summary>
public sealed record ReconciliationView(CodingView First, CodingView Second);

/// <summary>One coder's decision on a double-coded proposal: the codes it applies, and its memo.</summary>
public sealed record CodingView(string DecidedBy, DecisionAction Action, IReadOnlyList<string> Codes, string? Note, DateTimeOffset DecidedAt);

/// <summary>
/// Where the item is in its recording: the turn, its speaker and times (null for imported text),
/// and the de-identified audio's address (null when the recording is not audio).
/// </summary>
public sealed record ItemPlace(int? Utterance, string? Speaker, double? StartSeconds, double? EndSeconds, string? AudioUrl);

/// <summary>A redaction to confirm or undo, with the words it hides.</summary>
public sealed record RedactionView(string Label, IdentifierKind Kind, double Confidence, string Recognizer, string? OriginalText);

/// <summary>A proposed code with its evidence.</summary>
public sealed record SuggestionView(string CodeId, double Confidence, string Evidence, string Engine, int CodebookVersion);

/// <summary>Response of a decision.</summary>
public sealed record DecisionResponse(string ItemId, VerificationItemStatus Status, DecisionAction Action, string DecidedBy, RedactionTeaching Taught);

/// <summary>Response of <c>GET /api/studies/{studyId}/queue</c>: what waits for verification, by item kind, and who holds items now.</summary>
public sealed record QueueSummaryResponse(string StudyId, int Pending, IReadOnlyDictionary<string, int> PendingByKind, int Claimed, IReadOnlyList<string> ActiveCoders);

/// <summary>Response of <c>POST /api/queue/items/{itemId}/skip</c>: the item waits, unclaimed, behind everything queued before <see cref="QueuedAt"/>.</summary>
public sealed record SkipResponse(string ItemId, VerificationItemStatus Status, DateTimeOffset QueuedAt);

/// <summary>Response of <c>POST /api/queue/items/{itemId}/release</c>: the item is pending again and anyone may claim it.</summary>
public sealed record ReleaseResponse(string ItemId, VerificationItemStatus Status);

/// <summary>Response of <c>POST /api/queue/items/{itemId}/revision</c>: the decision now in force and how many it replaced so far.</summary>
public sealed record RevisionResponse(string ItemId, DecisionAction Action, string DecidedBy, int EarlierDecisions);

/// <summary>Response of <c>POST /api/queue/items/{itemId}/segment-decision</c>: every decision stored, and the codes the coder added.</summary>
public sealed record SegmentDecisionResponse(string ItemId, IReadOnlyList<DecisionResponse> Decided, IReadOnlyList<string> AddedCodeIds);
