namespace Workflow.Domain.Verification;

/// <summary>
/// How a re-run changes a recording's queue: items to add (pending, or already decided when an earlier
/// decision carries over) and existing items to retire because their basis is gone.
/// </summary>
public sealed record ReconcilePlan(IReadOnlyList<VerificationItem> ToAdd, IReadOnlyList<string> ToSupersede)
{
    public int Carried => ToAdd.Count(i => i.Status == VerificationItemStatus.Decided);
    public int Requeued => ToAdd.Count(i => i.Status == VerificationItemStatus.Pending && i.Basis is not null);
}
