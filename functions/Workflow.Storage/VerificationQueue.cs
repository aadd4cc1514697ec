using Azure;
using Azure.Data.Tables;
using Workflow.Domain.Verification;
using Workflow.Storage.Tables;

namespace Workflow.Storage;

/// <summary>
/// A study's verification queue, one table row per item (identifiable account, because redaction
/// items show the words they hide). Rows are partitioned by recording, so a recording's progress is a
/// single-partition query. Claims are leases written with optimistic concurrency: two coders
/// claiming at once never get the same item, and an abandoned claim lapses back into the queue.
/// </summary>
public sealed class VerificationQueue(TableClient items)
{
    private const char Separator = '~';

    /// <summary>The public id of an item: recording id and row key, so a decision can find its row.</summary>
    public static string ItemId(string recordingId, string localId) => recordingId + Separator + localId;

    /// <summary>
    /// Adds items that are not yet queued. Existing rows are left untouched: if the enqueuing activity
    /// is re-run after coders started deciding, their decisions survive.
    /// </summary>
    public async Task EnqueueAsync(IReadOnlyList<VerificationItem> toQueue, CancellationToken ct)
    {
        foreach (var chunk in toQueue.Chunk(100).Where(c => c.Length > 0))
        {
            var partition = chunk[0].RecordingId;
            if (chunk.Any(i => i.RecordingId != partition))
                throw new ArgumentException("Items must be enqueued per recording.", nameof(toQueue));
            try
            {
                await items.SubmitTransactionAsync(chunk.Select(i => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(i))), ct);
            }
            catch (TableTransactionFailedException)
            {
                foreach (var item in chunk) await JsonRows.TryAddAsync(items, ToEntity(item), ct);
            }
        }
    }

    public async Task<(VerificationItem? Item, ETag ETag)> GetAsync(string itemId, CancellationToken ct)
    {
        if (!TrySplit(itemId, out var partition, out var row)) return (null, default);
        return await JsonRows.TryGetAsync<VerificationItem>(items, partition, row, ct);
    }

    /// <summary>
    /// Leases the next pending item of the study to <paramref name="coder"/>: their own unexpired claim
    /// first, then unclaimed or lapsed items, oldest recording first. Null when nothing is waiting.
    /// </summary>
    public async Task<VerificationItem?> ClaimNextAsync(string studyId, string coder, TimeSpan lease, DateTimeOffset now, CancellationToken ct)
    {
        var candidates = new List<(VerificationItem Item, ETag ETag)>();
        var filter = TableClient.CreateQueryFilter($"StudyId eq {studyId} and Status eq {nameof(VerificationItemStatus.Pending)}");
        await foreach (var entity in items.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            candidates.Add((JsonRows.Read<VerificationItem>(entity), entity.ETag));

        var ordered = candidates
            .Where(c => c.Item.ClaimedBy is null || c.Item.ClaimedBy == coder || c.Item.LeaseExpiresAt <= now)
            .OrderByDescending(c => c.Item.ClaimedBy == coder && c.Item.LeaseExpiresAt > now)
            .ThenBy(c => c.Item.CreatedAt)
            .ThenBy(c => c.Item.Id, StringComparer.Ordinal);
        foreach (var (item, etag) in ordered)
        {
            var claimed = item with { ClaimedBy = coder, LeaseExpiresAt = now + lease };
            if (await JsonRows.TryReplaceAsync(items, ToEntity(claimed), etag, ct)) return claimed;
        }
        return null;
    }

    /// <summary>Records a decision if the item is still pending and the row has not changed since <paramref name="etag"/>.</summary>
    public Task<bool> TryDecideAsync(VerificationItem item, ETag etag, VerificationDecision decision, CancellationToken ct) =>
        JsonRows.TryReplaceAsync(items, ToEntity(item with
        {
            Status = VerificationItemStatus.Decided,
            Decision = decision,
            ClaimedBy = decision.DecidedBy,
            LeaseExpiresAt = null,
        }), etag, ct);

    /// <summary>All items of a recording, including decided and superseded ones.</summary>
    public async Task<IReadOnlyList<VerificationItem>> ListAsync(string recordingId, CancellationToken ct)
    {
        var list = new List<VerificationItem>();
        await foreach (var entity in items.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {recordingId}"), cancellationToken: ct))
            list.Add(JsonRows.Read<VerificationItem>(entity));
        return list;
    }

    /// <summary>Marks a recording's pending items of <paramref name="kind"/> superseded (their basis changed, e.g. a new codebook).</summary>
    public async Task<int> SupersedePendingAsync(string recordingId, VerificationItemKind kind, CancellationToken ct)
    {
        var count = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {recordingId} and Status eq {nameof(VerificationItemStatus.Pending)}");
        await foreach (var entity in items.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            var item = JsonRows.Read<VerificationItem>(entity);
            if (item.Kind != kind) continue;
            if (await JsonRows.TryReplaceAsync(items, ToEntity(item with { Status = VerificationItemStatus.Superseded }), entity.ETag, ct)) count++;
        }
        return count;
    }

    private static bool TrySplit(string itemId, out string partition, out string row)
    {
        var at = itemId.IndexOf(Separator);
        partition = at > 0 ? itemId[..at] : "";
        row = at > 0 ? itemId[(at + 1)..] : "";
        // Characters a table key may not hold are refused in both parts: a lookup with them can fail
        // instead of finding nothing (Azurite answers a '/' in the partition key with 500), and an id
        // taken from a URL must read as unknown, not as a server error.
        return at > 0 && row.Length > 0 && itemId.IndexOfAny(['/', '\\', '#', '?']) < 0;
    }

    private static TableEntity ToEntity(VerificationItem item)
    {
        if (!TrySplit(item.Id, out var partition, out var row) || partition != item.RecordingId)
            throw new ArgumentException($"Item id '{item.Id}' does not belong to recording '{item.RecordingId}'.", nameof(item));
        return JsonRows.Create(partition, row, item,
            ("StudyId", item.StudyId), ("Status", item.Status.ToString()), ("Kind", item.Kind.ToString()),
            ("ClaimedBy", item.ClaimedBy), ("LeaseExpiresAt", item.LeaseExpiresAt));
    }
}
