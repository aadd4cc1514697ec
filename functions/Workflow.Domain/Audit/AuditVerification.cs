namespace Workflow.Domain.Audit;

/// <summary>
/// The outcome of walking a chain: intact or not, how many events were checked, the sequence number
/// of the first broken link and what is wrong there, and the last good head (what a lead can write
/// down to anchor a later check).
/// </summary>
public sealed record AuditVerification(bool Intact, long EventsChecked, long? BrokenAt, string? Problem, AuditHead LastGood);
