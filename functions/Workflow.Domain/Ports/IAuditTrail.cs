using Workflow.Domain.Audit;

namespace Workflow.Domain.Ports;

/// <summary>
/// A study's append-only, hash-chained audit trail. Appends from any number of callers at once give
/// one chain with gap-free sequence numbers. It names users and what they looked at, so it lives with
/// the identifiable data.
/// </summary>
public interface IAuditTrail
{
    /// <summary>Records the entry as the study's next event and returns it.</summary>
    Task<AuditEvent> AppendAsync(string studyId, AuditEntry entry, CancellationToken ct);

    /// <summary>Up to <paramref name="max"/> events from sequence number <paramref name="fromSequence"/> on, in order.</summary>
    Task<IReadOnlyList<AuditEvent>> ReadAsync(string studyId, long fromSequence, int max, CancellationToken ct);

    /// <summary>Walks the whole chain against the recorded head, and through <paramref name="anchor"/> when given.</summary>
    Task<AuditVerification> VerifyAsync(string studyId, AuditHead? anchor, CancellationToken ct);
}
