namespace Workflow.Domain.Verification;

/// <summary>
/// Finds double-coded proposals whose two independent decisions apply different codes and that have no
/// reconciliation item yet, and builds one for each, for a lead to settle. The comparison uses each
/// item's original decision, so a revision never hides that the coders disagreed. Ids are derived from
/// the proposal, so planning twice adds nothing. Pure.
/// </summary>
public static class ReconciliationPlanner
{
    /// <summary>Suffix of a reconciliation item's id after the id of the proposal it settles.</summary>
    public const string Suffix = "-reconcile";

    /// <param name="items">Every item of one recording, in any status.</param>
    /// <param name="now">When the reconciliation items are queued.</param>
    public static IReadOnlyList<VerificationItem> Due(IReadOnlyList<VerificationItem> items, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(items);
        var byId = items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var due = new List<VerificationItem>();
        foreach (var first in items.Where(i => i is { Kind: VerificationItemKind.CodeSuggestion, Status: VerificationItemStatus.Decided, PairedWith: not null, Suggestion: not null }))
        {
            if (byId.ContainsKey(first.Id + Suffix)) continue;
            if (!byId.TryGetValue(first.PairedWith!, out var second) || second.Status != VerificationItemStatus.Decided) continue;
            var (a, b) = (first.OriginalDecision!, second.OriginalDecision!);
            var code = first.Suggestion!.CodeId;
            if (DoubleCoding.CodesApplied(a, code).SetEquals(DoubleCoding.CodesApplied(b, code))) continue;
            due.Add(first with
            {
                Id = first.Id + Suffix,
                Kind = VerificationItemKind.Reconciliation,
                Status = VerificationItemStatus.Pending,
                Decision = null,
                EarlierDecisions = null,
                ClaimedBy = null,
                LeaseExpiresAt = null,
                PairedWith = null,
                QueuedAt = null,
                CreatedAt = now,
                Basis = "two coders coded this independently and disagreed",
                Reconciles = new CodingDisagreement(first.Id, second.Id, a, b),
            });
        }
        return due;
    }
}
