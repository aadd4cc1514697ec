using Azure;
using Azure.Data.Tables;
using Workflow.Domain.Verification;

namespace Workflow.Storage;

public sealed partial class VerificationQueue
{
    /// <summary>
    /// Applies a re-run's <see cref="ReconcilePlan"/>: adds its items first, then retires the ones it
    /// replaces, so a crash in between leaves nothing undecided that was decided (the plan computed
    /// again from the resulting rows finishes the job). Returns how many rows changed.
    /// A pending item lands with its index row; an item that arrives already decided (a carried-over
    /// decision) has none, so it is never offered. A superseded row with the same id is revived.
    /// </summary>
    public async Task<int> ReconcileAsync(ReconcilePlan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var changed = 0;
        foreach (var item in plan.ToAdd)
            if (await TryAddOrReviveAsync(item, ct)) changed++;
        foreach (var id in plan.ToSupersede)
            if (await TryRetireAsync(id, ct)) changed++;
        return changed;
    }

    private async Task<bool> TryAddOrReviveAsync(VerificationItem item, CancellationToken ct)
    {
        var clean = item with { ClaimedBy = null, LeaseExpiresAt = null };
        var (existing, etag) = await GetAsync(item.Id, ct);
        if (existing is not null && existing.Status != VerificationItemStatus.Superseded) return false;
        var actions = new List<TableTransactionAction>
        {
            existing is null
                ? new(TableTransactionActionType.Add, ItemEntity(clean))
                : new(TableTransactionActionType.UpdateReplace, ItemEntity(clean), etag),
        };
        if (clean.Status == VerificationItemStatus.Pending)
            actions.Add(new(TableTransactionActionType.UpsertReplace, IndexEntity(clean, null, NeverLeased)));
        try
        {
            await table.SubmitTransactionAsync(actions, ct);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            // Another run of the same activity got there first.
            return false;
        }
    }

    private async Task<bool> TryRetireAsync(string itemId, CancellationToken ct)
    {
        var (item, etag) = await GetAsync(itemId, ct);
        switch (item?.Status)
        {
            case VerificationItemStatus.Pending:
                return await TryLeavePendingAsync(item with { Status = VerificationItemStatus.Superseded, LeaseExpiresAt = null, ClaimedBy = null }, etag, ct);
            case VerificationItemStatus.Decided:
                // The decision stays in the row as history; finalising reads decided items only.
                try
                {
                    await table.UpdateEntityAsync(ItemEntity(item with { Status = VerificationItemStatus.Superseded }), etag, TableUpdateMode.Replace, ct);
                    return true;
                }
                catch (RequestFailedException e) when (e.Status is 412 or 404)
                {
                    return false;
                }
            default:
                return false;
        }
    }
}
