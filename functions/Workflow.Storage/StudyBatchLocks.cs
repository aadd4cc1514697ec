using Azure;
using Azure.Data.Tables;
using Workflow.Domain.Reprocessing;
using Workflow.Storage.Tables;

namespace Workflow.Storage;

/// <summary>
/// At most one batch runs per study: two re-codes of one study would otherwise race over the same
/// recordings' queues. One row per study names the batch that holds it. A holder that is no longer
/// running (finished, failed, terminated, or lost with a crashed host) is taken over, so a lock can
/// never be stuck; whether it runs is asked of the caller, which knows the orchestration backend.
/// </summary>
public sealed class StudyBatchLocks(TableClient table)
{
    private const string RowKey = "active";
    private const string BatchId = "BatchId";

    /// <summary>
    /// Takes the study's lock for <paramref name="batchId"/>. Returns (true, batchId) when it holds it
    /// (also when it already did), else (false, the running holder). <paramref name="isRunning"/> gets
    /// the holder and when it took the lock: a holder is briefly locked but not yet started.
    /// </summary>
    public async Task<(bool Acquired, string Holder)> TryAcquireAsync(string studyId, string batchId, Func<string, DateTimeOffset, Task<bool>> isRunning, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(studyId, RowKey, cancellationToken: ct);
            try
            {
                if (!row.HasValue)
                {
                    await table.AddEntityAsync(Row(studyId, batchId), ct);
                    return (true, batchId);
                }
                var holder = row.Value!.GetString(BatchId);
                if (holder == batchId) return (true, batchId);
                if (await isRunning(holder, row.Value.Timestamp ?? DateTimeOffset.MinValue)) return (false, holder);
                await table.UpdateEntityAsync(Row(studyId, batchId), row.Value.ETag, TableUpdateMode.Replace, ct);
                return (true, batchId);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Someone else changed the row between our read and write: read it again.
            }
        }
        throw new InvalidOperationException($"The batch lock of study '{studyId}' kept changing; try again.");
    }

    /// <summary>The batch holding the study's lock, if any (it may have ended without releasing it).</summary>
    public async Task<string?> HolderAsync(string studyId, CancellationToken ct)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(studyId, RowKey, cancellationToken: ct);
        return row.HasValue ? row.Value!.GetString(BatchId) : null;
    }

    /// <summary>Releases the lock if <paramref name="batchId"/> still holds it. Safe to repeat.</summary>
    public async Task<bool> ReleaseAsync(string studyId, string batchId, CancellationToken ct)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(studyId, RowKey, cancellationToken: ct);
        if (!row.HasValue || row.Value!.GetString(BatchId) != batchId) return false;
        try
        {
            await table.DeleteEntityAsync(studyId, RowKey, row.Value.ETag, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    private static TableEntity Row(string studyId, string batchId) => new(studyId, RowKey) { [BatchId] = batchId };

    private const string PendingRowKey = "pending";

    /// <summary>
    /// Records a batch to start when the running one ends, unless a newer one (higher order) is already
    /// waiting. Returns whether it is now the one waiting.
    /// </summary>
    public async Task<bool> SetPendingAsync(PendingBatch pending, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var (current, etag) = await JsonRows.TryGetAsync<PendingBatch>(table, pending.StudyId, PendingRowKey, ct);
            if (current is not null && current.Order >= pending.Order) return current.RequestId == pending.RequestId;
            var row = JsonRows.Create(pending.StudyId, PendingRowKey, pending);
            if (current is null ? await JsonRows.TryAddAsync(table, row, ct) : await JsonRows.TryReplaceAsync(table, row, etag, ct)) return true;
        }
        throw new InvalidOperationException($"The pending batch of study '{pending.StudyId}' kept changing; try again.");
    }

    /// <summary>The batch waiting for the study's running one to end, or null.</summary>
    public async Task<PendingBatch?> PendingAsync(string studyId, CancellationToken ct) =>
        (await JsonRows.TryGetAsync<PendingBatch>(table, studyId, PendingRowKey, ct)).Value;

    /// <summary>Takes the waiting batch off the row (at most one caller gets it), or null.</summary>
    public async Task<PendingBatch?> TakePendingAsync(string studyId, string? requestId, CancellationToken ct)
    {
        var (current, etag) = await JsonRows.TryGetAsync<PendingBatch>(table, studyId, PendingRowKey, ct);
        if (current is null || (requestId is not null && current.RequestId != requestId)) return null;
        try
        {
            await table.DeleteEntityAsync(studyId, PendingRowKey, etag, ct);
            return current;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return null;
        }
    }
}
