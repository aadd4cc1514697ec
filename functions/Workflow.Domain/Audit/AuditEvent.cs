namespace Workflow.Domain.Audit;

/// <summary>
/// One entry of a study's audit trail. <see cref="Sequence"/> numbers a study's events 1, 2, 3, ...
/// without gaps; <see cref="Hash"/> is SHA-256 over the event's canonical form, which includes
/// <see cref="PreviousHash"/> (the hash of event <c>Sequence - 1</c>, or <see cref="AuditChain.Genesis"/>
/// for the first), so editing, removing, reordering or inserting an event breaks the chain from there on.
/// </summary>
public sealed record AuditEvent(
    string StudyId,
    long Sequence,
    DateTimeOffset At,
    string Actor,
    AuditAction Action,
    string TargetId,
    IReadOnlyDictionary<string, string> Details,
    string PreviousHash,
    string Hash);
