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
    public async Task<int> ReconcileAsync(ReconcilePlan plan, IReadOnlyList<VerificationItem> existing, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var known = existing.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var changed = 0;
        // New rows go in entity-group transactions (two rows per pending item, 100 rows at most);
        // rows that exist (superseded ones to revive) and chunks that collide go one by one.
        foreach (var chunk in plan.ToAdd.Where(i => !known.Contains(i.Id)).Chunk(50))
        {
            try
            {
                await table.SubmitTransactionAsync(chunk.SelectMany(AddRows), ct);
                changed += chunk.Length;
            }
            catch (TableTransactionFailedException)
            {
                foreach (var item in chunk)
                    if (await TryAddOrReviveAsync(item, ct)) changed++;
            }
        }
        foreach (var item in plan.ToAdd.Where(i => known.Contains(i.Id)))
            if (await TryAddOrReviveAsync(item, ct)) changed++;
        foreach (var id in plan.ToSupersede)
            if (await TryRetireAsync(id, ct)) changed++;
        return changed;
    }

    /// <summary>The rows of an item that is not stored yet: an index row only if it is pending.</summary>
    private static IEnumerable<TableTransactionAction> AddRows(VerificationItem item)
    {
        var clean = item with { ClaimedBy = null, LeaseExpiresAt = null };
        yield return new(TableTransactionActionType.Add, ItemEntity(clean));
        if (clean.Status == VerificationItemStatus.Pending)
            yield return new(TableTransactionActionType.Add, IndexEntity(clean, null, NeverLeased));
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
