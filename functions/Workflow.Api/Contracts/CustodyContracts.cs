using Workflow.Domain.Audit;
using Workflow.Domain.Recordings;
using Workflow.Domain.Results;

namespace Workflow.Api.Contracts;

/// <summary>
/// A recording's chain of custody: what arrived (hash, size), which engine and which versions made
/// each artefact, every verified code with who decided it, and the audit events about it. Ids,
/// versions and names of engines and people only; no transcript text.
/// </summary>
public sealed record CustodyResponse(
    string RecordingId,
    string StudyId,
    CustodyUpload Upload,
    IReadOnlyList<CustodyStep> Steps,
    IReadOnlyList<CustodyCode> VerifiedCodes,
    IReadOnlyList<CustodyEvent> Events,
    bool EventsComplete);

/// <summary>The upload as received: its content hash is the anchor of everything after it.</summary>
public sealed record CustodyUpload(string Sha256, long SizeBytes, SourceKind Source, DateTimeOffset ReceivedAt);

/// <summary>
/// One artefact: the stage that made it, the engine and its build, and the versions it rests on.
/// <see cref="Methods"/> are the versions of the scoring methods behind a coding step's proposals.
/// </summary>
public sealed record CustodyStep(
    string Stage,
    string? Engine,
    string? EngineVersion,
    int? CodebookVersion,
    int? IdentifierListVersion,
    string? RunId,
    DateTimeOffset? At,
    IReadOnlyList<string>? Methods = null);

/// <summary>A verified code on a segment of the final transcript and who decided it.</summary>
public sealed record CustodyCode(string SegmentId, string CodeId, CodeOrigin Origin, string DecidedBy);

/// <summary>An audit event about the recording or one of its queue items.</summary>
public sealed record CustodyEvent(long Sequence, DateTimeOffset At, string Actor, AuditAction Action, string TargetId, string Hash);
