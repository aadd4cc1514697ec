namespace Workflow.Domain.Audit;

/// <summary>
/// What a caller asks the trail to record: who did what to which target, with a few details. The
/// trail adds the study, sequence number, time and hashes. <see cref="Details"/> are checked by
/// <see cref="AuditDetails.Check"/> when the event is chained.
/// </summary>
public sealed record AuditEntry(string Actor, AuditAction Action, string TargetId, IReadOnlyDictionary<string, string> Details)
{
    /// <summary>An entry without details.</summary>
    public AuditEntry(string actor, AuditAction action, string targetId)
        : this(actor, action, targetId, new Dictionary<string, string>())
    {
    }
}
