using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Workflow.Domain.Verification;
using Workflow.Storage.Tables;

namespace Workflow.Storage;

/// <summary>
/// A study's verification queue (identifiable account, because redaction items show the words they
/// hide), in one table partition per study so that every operation is a point read, a key-range
/// query or an entity-group transaction within that partition:
/// <list type="bullet">
/// <item><c>item|{recordingId}|{localId}</c>: the item (JSON payload). A recording's items are a key
/// range, so its progress and listing read nothing else.</item>
/// <item><c>pending|{priority:D3}|{createdAt ticks:D19}|{recordingId}|{localId}</c>: one index row per
/// pending item, in the order coders are offered them, holding the lease (<c>ClaimedBy</c>,
/// <c>LeaseExpiresAt</c>) and a copy of the item's payload (which does not change while it is
/// pending), so a claim reads only the head of this range and needs no other read.</item>
/// <item><c>lease|{coder}</c>: the coder's current claim, so "their own unexpired claim first" is a
/// point read.</item>
/// </list>
/// The item and its index row change together in one transaction. The lease columns of the item row
/// (not its payload) hold the current lease. A claim is conditional on the index row's ETag, a decision
/// on the item row's ETag, and each deletes or updates the other row in the same transaction, so two
/// coders never get the same item and a claim cannot slip in between reading an item and deciding it.
/// </summary>
public sealed partial class VerificationQueue(TableClient table)
{
    private const char Separator = '~';
    private const string ItemPrefix = "item|";
    private const string PendingPrefix = "pending|";
    private const string LeasePrefix = "lease|";
    private const string ClaimedBy = "ClaimedBy";
    private const string LeaseExpiresAt = "LeaseExpiresAt";
    private const string ItemRow = "ItemRow";
    private const string IndexRow = "IndexRow";
    private const string KindColumn = "Kind";
    private const string PairedWithColumn = "PairedWith";

    /// <summary>Index rows read per claim attempt: enough to spread concurrent coders over distinct items.</summary>
    private const int HeadSize = 48;

    /// <summary>The lease column of an index row nobody holds (Table storage has no null in filters).</summary>
    private static readonly DateTimeOffset NeverLeased = DateTimeOffset.UnixEpoch;

    // Index rows (key and ETag) this process has already tried to lease. A lease attempt with a given
    // ETag can succeed once at most, so other claims in this process skip the row instead of racing
    // for it; a row leased meanwhile has a new ETag and is tried again only if it shows up again
    // (its lease lapsed). Entries are dropped after a minute: a head that stale is refused by ETag anyway.
    private readonly ConcurrentDictionary<(string RowKey, ETag ETag), long> _tried = new();
    private const int TriedSweepAbove = 4096;

    // Head reads in flight per study. A claim that starts while one is in flight (read with a "now" no
    // later than its own, so nothing it shows as lapsed is live) shares it instead of reading again.
    private readonly ConcurrentDictionary<string, (DateTimeOffset Now, Task<List<TableEntity>> Read)> _heads = new(StringComparer.Ordinal);

    /// <summary>
    /// The public id of an item: study, recording and local id, so that a decision URL finds its row
    /// without any other lookup.
    /// </summary>
    public static string ItemId(string studyId, string recordingId, string localId) =>
        string.Join(Separator, studyId, recordingId, localId);

    /// <summary>
    /// Adds items that are not yet queued. Existing rows are left untouched: if the enqueuing activity
    /// is re-run after coders started deciding, their decisions and claims survive.
    /// </summary>
    public async Task EnqueueAsync(IReadOnlyList<VerificationItem> toQueue, CancellationToken ct)
    {
        // Two rows per item, at most 100 operations per transaction.
        foreach (var chunk in toQueue.DistinctBy(i => i.Id).Chunk(50).Where(c => c.Length > 0))
        {
            var study = chunk[0].StudyId;
            if (chunk.Any(i => i.StudyId != study))
                throw new ArgumentException("Items must be enqueued per study.", nameof(toQueue));
            try
            {
                await table.SubmitTransactionAsync(chunk.SelectMany(AddActions), ct);
            }
            catch (TableTransactionFailedException)
            {
                // Some exist already: add the others one item (two rows) at a time.
                foreach (var item in chunk)
                {
                    try
                    {
                        await table.SubmitTransactionAsync(AddActions(item), ct);
                    }
                    catch (TableTransactionFailedException e) when (e.Status == 409)
                    {
                    }
                }
            }
        }

        static IEnumerable<TableTransactionAction> AddActions(VerificationItem item) =>
        [
            new(TableTransactionActionType.Add, ItemEntity(item with { ClaimedBy = null, LeaseExpiresAt = null })),
            new(TableTransactionActionType.Add, IndexEntity(item, null, NeverLeased)),
        ];
    }

    /// <summary>The item and the ETag a decision on it must match; (null, default) for an unknown or malformed id.</summary>
    public async Task<(VerificationItem? Item, ETag ETag)> GetAsync(string itemId, CancellationToken ct)
    {
        if (!TrySplit(itemId, out var study, out var recording, out var local)) return (null, default);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(study, ItemKey(recording, local), cancellationToken: ct);
        return response.HasValue ? (ReadItem(response.Value!), response.Value!.ETag) : (null, default);
    }

    /// <summary>
    /// Leases the next pending item of the study to <paramref name="coder"/>: their own unexpired claim
    /// first (its lease renewed), then unclaimed or lapsed items by priority, then oldest first. Null
    /// when nothing is waiting. With a <paramref name="filter"/>, only matching items (the coder's own
    /// claim too); one they hold that does not match keeps its lease until it lapses or is released.
    /// Reconciliations go only to a caller who <paramref name="mayReconcile"/> (a lead), and nobody is
    /// given both sides of a double-coded proposal (see <see cref="MayTakeAsync"/>).
    /// </summary>
    public async Task<VerificationItem?> ClaimNextAsync(string studyId, string coder, TimeSpan lease, DateTimeOffset now, CancellationToken ct,
        ClaimFilter? filter = null, bool mayReconcile = false)
    {
        {
            var ownLease = table.GetEntityIfExistsAsync<TableEntity>(studyId, LeasePrefix + coder, cancellationToken: ct);
            var filtered = filter is { IsEmpty: false } or { InTranscriptOrder: true };
            var head = filtered ? null : SharedHeadAsync(studyId, now, ct);
            if (await ownLease is { HasValue: true } own
                && own.Value!.GetDateTimeOffset(LeaseExpiresAt) > now
                && own.Value.GetString(IndexRow) is { Length: > 0 } ownIndex)
            {
                var index = await table.GetEntityIfExistsAsync<TableEntity>(studyId, ownIndex, cancellationToken: ct);
                if (index.HasValue && index.Value!.GetString(ClaimedBy) == coder && index.Value.GetDateTimeOffset(LeaseExpiresAt) > now
                    && (!filtered || filter!.Matches(JsonRows.Read<VerificationItem>(index.Value)))
                    && await TryLeaseOnceAsync(index.Value, coder, now + lease, ct) is { } renewed)
                    return renewed;
                // That one is decided: the rest of its segment, leased with it, comes next.
                if (!index.HasValue && own.Value.GetString(ItemRow) is { Length: > 0 } ownItem
                    && await HeldRestOfSegmentAsync(studyId, ownItem, coder, now + lease, now, filtered ? filter! : ClaimFilter.None, ct) is { } rest)
                    return rest;
            }

            if (filter is { InTranscriptOrder: true }) return await ClaimInTranscriptOrderAsync(studyId, coder, now + lease, now, filter, mayReconcile, ct);
            if (filtered) return await ClaimMatchingAsync(studyId, coder, now + lease, now, filter!, mayReconcile, ct);
            var candidates = await head!;
            while (candidates.Count > 0)
            {
                // In queue order, skipping rows another claim of this process is trying (or tried) at
                // the same ETag, so concurrent coders spread over the head instead of racing for its
                // first row. Races with other instances are settled by the ETag.
                var (tried, busy) = (0, 0);
                foreach (var candidate in candidates)
                {
                    if (_tried.ContainsKey((candidate.RowKey, candidate.ETag))) { busy++; continue; }
                    if (!await MayTakeAsync(candidate, coder, mayReconcile, ct)) continue;
                    tried++;
                    if (await TryLeaseOnceAsync(candidate, coder, now + lease, ct) is { } claimed) return claimed;
                }
                SweepTried();
                // Everything at the head is for somebody else (the other side of this coder's double
                // codings, reconciliations for a lead): look further down the queue.
                if (tried == 0 && busy == 0) return await ClaimMatchingAsync(studyId, coder, now + lease, now, ClaimFilter.None, mayReconcile, ct);
                // Every row of this head was taken (or is being taken) by others: read it again. When
                // nothing was tried, the other claims are still in flight; give them a moment.
                if (tried == 0) await Task.Delay(10, ct);
                candidates = await SharedHeadAsync(studyId, now, ct);
            }
            return null;
        }
    }

    /// <summary>
    /// The first unclaimed item in queue order that <paramref name="filter"/> matches, read page by
    /// page from the index (whose rows carry a copy of the item); at most <see cref="FilteredScanLimit"/>
    /// rows are looked at, so a filter that matches nothing in a long queue answers "none" in bounded time.
    /// </summary>
    private async Task<VerificationItem?> ClaimMatchingAsync(string studyId, string coder, DateTimeOffset until, DateTimeOffset now, ClaimFilter filter,
        bool mayReconcile, CancellationToken ct)
    {
        var query = TableClient.CreateQueryFilter(
            $"PartitionKey eq {studyId} and RowKey ge {PendingPrefix} and RowKey lt {PrefixEnd(PendingPrefix)} and LeaseExpiresAt le {now}");
        var scanned = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(query, 200, IndexColumns, ct))
        {
            if (++scanned > FilteredScanLimit) break;
            if (!filter.IsEmpty && !filter.Matches(JsonRows.Read<VerificationItem>(row))) continue;
            if (!await MayTakeAsync(row, coder, mayReconcile, ct)) continue;
            if (await TryLeaseAsync(row, coder, until, ct) is { } claimed) return claimed;
        }
        return null;
    }

    /// <summary>
    /// Whether <paramref name="coder"/> may be given the item of <paramref name="index"/>: a reconciliation
    /// only when they <paramref name="mayReconcile"/>; one side of a double-coded proposal only when they
    /// neither hold nor decided the other side, so the two codings stay independent. One point read, and
    /// only for double-coded items.
    /// </summary>
    private async Task<bool> MayTakeAsync(TableEntity index, string coder, bool mayReconcile, CancellationToken ct)
    {
        if (!mayReconcile && index.GetString(KindColumn) == nameof(VerificationItemKind.Reconciliation)) return false;
        if (index.GetString(PairedWithColumn) is not { Length: > 0 } otherSide) return true;
        var (other, _) = await GetAsync(otherSide, ct);
        return other is null || (other.ClaimedBy != coder && other.Decision?.DecidedBy != coder);
    }

    /// <summary>The columns a claim reads from index rows.</summary>
    private static readonly string[] IndexColumns = ["PartitionKey", "RowKey", ItemRow, ClaimedBy, LeaseExpiresAt, KindColumn, PairedWithColumn, JsonRows.Payload];

    /// <summary>
    /// The first unclaimed item in reading order (<see cref="TranscriptOrder"/>) that
    /// <paramref name="filter"/> matches: the waiting index rows are read (at most
    /// <see cref="FilteredScanLimit"/>), sorted, and tried in turn.
    /// </summary>
    private async Task<VerificationItem?> ClaimInTranscriptOrderAsync(string studyId, string coder, DateTimeOffset until, DateTimeOffset now, ClaimFilter filter,
        bool mayReconcile, CancellationToken ct)
    {
        var query = TableClient.CreateQueryFilter(
            $"PartitionKey eq {studyId} and RowKey ge {PendingPrefix} and RowKey lt {PrefixEnd(PendingPrefix)} and LeaseExpiresAt le {now}");
        var rows = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        var waiting = new List<VerificationItem>();
        await foreach (var row in table.QueryAsync<TableEntity>(query, 200, IndexColumns, ct))
        {
            if (rows.Count >= FilteredScanLimit) break;
            var item = JsonRows.Read<VerificationItem>(row);
            if (!filter.Matches(item)) continue;
            rows[item.Id] = row;
            waiting.Add(item);
        }
        foreach (var item in TranscriptOrder.Sort(waiting))
        {
            var row = rows[item.Id];
            if (!await MayTakeAsync(row, coder, mayReconcile, ct)) continue;
            if (await TryLeaseAsync(row, coder, until, ct) is { } claimed) return claimed;
        }
        return null;
    }

    /// <summary>Index rows a filtered claim looks at before it answers that nothing matches.</summary>
    public const int FilteredScanLimit = 5_000;

    /// <summary>
    /// <see cref="TryLeaseAsync"/> unless this process already tried the row at this ETag (null then).
    /// A failure other than losing the race forgets the attempt, so the row stays claimable.
    /// </summary>
    private async Task<VerificationItem?> TryLeaseOnceAsync(TableEntity index, string coder, DateTimeOffset until, CancellationToken ct)
    {
        var key = (index.RowKey, index.ETag);
        if (!_tried.TryAdd(key, Environment.TickCount64)) return null;
        try
        {
            return await TryLeaseAsync(index, coder, until, ct);
        }
        catch (Exception)
        {
            _tried.TryRemove(key, out _);
            throw;
        }
    }

    private void SweepTried()
    {
        if (_tried.Count <= TriedSweepAbove) return;
        var cutoff = Environment.TickCount64 - 60_000;
        foreach (var entry in _tried)
            if (entry.Value < cutoff) _tried.TryRemove(entry);
    }

    /// <summary>
    /// Records a decision if the item is still pending and its row has not changed since
    /// <paramref name="etag"/> (no claim, decision or supersession in between): the item row is
    /// replaced and its index row deleted in one transaction.
    /// </summary>
    public async Task<bool> TryDecideAsync(VerificationItem item, ETag etag, VerificationDecision decision, CancellationToken ct)
    {
        if (item.Status != VerificationItemStatus.Pending) return false;
        return await TryLeavePendingAsync(item with
        {
            Status = VerificationItemStatus.Decided,
            Decision = decision,
            ClaimedBy = decision.DecidedBy,
            LeaseExpiresAt = null,
        }, etag, ct);
    }

    /// <summary>
    /// Puts <paramref name="newer"/> in force on a decided item, keeping the decision it revises in the
    /// item's history (<see cref="VerificationItem.EarlierDecisions"/>): decisions are appended, never
    /// overwritten. Conditional on <paramref name="etag"/>, so two revisions cannot both build on the same
    /// history; false when the item changed meanwhile or is not decided.
    /// </summary>
    public async Task<bool> TryReviseAsync(VerificationItem item, ETag etag, VerificationDecision newer, CancellationToken ct)
    {
        if (item.Status != VerificationItemStatus.Decided) return false;
        try
        {
            await table.UpdateEntityAsync(ItemEntity(item.RevisedBy(newer)), etag, TableUpdateMode.Replace, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>
    /// Gives a claimed item back to the queue before its lease lapses, so another coder can take it now.
    /// Both rows lose the lease in one transaction, conditional on the item row's ETag: a claim, decision
    /// or supersession since <paramref name="etag"/> was read makes it fail (false), so a release can
    /// never take an item away from a coder who claimed it after this one's lease lapsed.
    /// </summary>
    public async Task<bool> TryReleaseAsync(VerificationItem item, ETag etag, CancellationToken ct)
    {
        if (item.Status != VerificationItemStatus.Pending) return false;
        var (study, recording, local) = Split(item);
        try
        {
            await table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.UpdateMerge, new TableEntity(study, ItemKey(recording, local)) { [ClaimedBy] = "", [LeaseExpiresAt] = NeverLeased }, etag),
                new(TableTransactionActionType.UpdateMerge, new TableEntity(study, IndexKey(item)) { [ClaimedBy] = "", [LeaseExpiresAt] = NeverLeased }, ETag.All),
            ], ct);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>
    /// Puts a claimed item at the back of its priority band, unclaimed: the coder passes it over for
    /// now and it waits behind everything queued before <paramref name="now"/>. Item row (at
    /// <paramref name="etag"/>, so a decision or re-code in between wins), old index row and new index
    /// row change in one transaction. False when the item changed meanwhile.
    /// </summary>
    public async Task<VerificationItem?> TrySkipAsync(VerificationItem item, ETag etag, DateTimeOffset now, CancellationToken ct)
    {
        if (item.Status != VerificationItemStatus.Pending) return null;
        var requeued = item with { ClaimedBy = null, LeaseExpiresAt = null, QueuedAt = now };
        try
        {
            await table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.UpdateReplace, ItemEntity(requeued), etag),
                new(TableTransactionActionType.Delete, new TableEntity(item.StudyId, IndexKey(item)), ETag.All),
                new(TableTransactionActionType.Add, IndexEntity(requeued, null, NeverLeased)),
            ], ct);
            return requeued;
        }
        catch (TableTransactionFailedException e) when (e.Status is 412 or 404 or 409)
        {
            return null;
        }
    }

    /// <summary>All items of a recording, including decided and superseded ones (one key-range query).</summary>
    public async Task<IReadOnlyList<VerificationItem>> ListAsync(string studyId, string recordingId, CancellationToken ct)
    {
        var list = new List<VerificationItem>();
        await foreach (var entity in table.QueryAsync<TableEntity>(RecordingRange(studyId, recordingId), cancellationToken: ct))
            list.Add(ReadItem(entity));
        return list;
    }

    /// <summary>
    /// How much of the study's queue is waiting, by kind, and who holds a live lease now. Reads only the
    /// Kind and lease columns of the pending item rows (never the payload, which holds the words a
    /// redaction hides); a scan of the study's partition, meant for a dashboard, not for every claim.
    /// </summary>
    public async Task<PendingQueueSummary> SummarizePendingAsync(string studyId, DateTimeOffset now, CancellationToken ct)
    {
        var filter = $"{TableClient.CreateQueryFilter($"PartitionKey eq {studyId} and RowKey ge {ItemPrefix} and RowKey lt {PrefixEnd(ItemPrefix)}")} and {TableClient.CreateQueryFilter($"Status eq {nameof(VerificationItemStatus.Pending)}")}";
        var byKind = Enum.GetValues<VerificationItemKind>().ToDictionary(k => k, _ => 0);
        var coders = new SortedSet<string>(StringComparer.Ordinal);
        var claimed = 0;
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["Kind", ClaimedBy, LeaseExpiresAt], cancellationToken: ct))
        {
            if (Enum.TryParse<VerificationItemKind>(entity.GetString("Kind"), out var kind)) byKind[kind]++;
            if (entity.GetString(ClaimedBy) is { Length: > 0 } coder && entity.GetDateTimeOffset(LeaseExpiresAt) > now)
            {
                claimed++;
                coders.Add(coder);
            }
        }
        return new PendingQueueSummary(byKind, claimed, [.. coders]);
    }

    /// <summary>Marks a recording's pending items of <paramref name="kind"/> superseded (their basis changed, e.g. a new codebook).</summary>
    public async Task<int> SupersedePendingAsync(string studyId, string recordingId, VerificationItemKind kind, CancellationToken ct)
    {
        var count = 0;
        var filter = $"{RecordingRange(studyId, recordingId)} and {TableClient.CreateQueryFilter($"Status eq {nameof(VerificationItemStatus.Pending)} and Kind eq {kind.ToString()}")}";
        var pending = new List<(VerificationItem Item, ETag ETag)>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            pending.Add((ReadItem(entity), entity.ETag));
        foreach (var (item, etag) in pending)
            if (await TryLeavePendingAsync(item with { Status = VerificationItemStatus.Superseded, LeaseExpiresAt = null }, etag, ct))
                count++;
        return count;
    }

    /// <summary>Writes <paramref name="item"/> (no longer pending) over its row at <paramref name="etag"/> and removes its index row.</summary>
    private async Task<bool> TryLeavePendingAsync(VerificationItem item, ETag etag, CancellationToken ct)
    {
        try
        {
            await table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.UpdateReplace, ItemEntity(item), etag),
                new(TableTransactionActionType.Delete, new TableEntity(item.StudyId, IndexKey(item)), ETag.All),
            ], ct);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>
    /// Leases the item of <paramref name="index"/> if the index row still has the ETag it was read with.
    /// Index row, item row and the coder's lease row change in one transaction. The item row needs no
    /// ETag: while its index row exists (checked by the ETag) the item is pending, and a decision or
    /// supersession, which changes the item row, deletes the index row in the same transaction. With
    /// <paramref name="asOwnClaim"/> false the coder's current-claim row is left alone (the other
    /// proposals of a segment claimed with its first one).
    /// </summary>
    private async Task<VerificationItem?> TryLeaseAsync(TableEntity index, string coder, DateTimeOffset until, CancellationToken ct, bool asOwnClaim = true)
    {
        var itemKey = index.GetString(ItemRow);
        try
        {
            List<TableTransactionAction> actions =
            [
                new(TableTransactionActionType.UpdateMerge, new TableEntity(index.PartitionKey, index.RowKey) { [ClaimedBy] = coder, [LeaseExpiresAt] = until }, index.ETag),
                new(TableTransactionActionType.UpdateMerge, new TableEntity(index.PartitionKey, itemKey) { [ClaimedBy] = coder, [LeaseExpiresAt] = until }, ETag.All),
            ];
            if (asOwnClaim)
                actions.Add(new(TableTransactionActionType.UpsertReplace, new TableEntity(index.PartitionKey, LeasePrefix + coder)
                    { [ItemRow] = itemKey, [IndexRow] = index.RowKey, [LeaseExpiresAt] = until }));
            await table.SubmitTransactionAsync(actions, ct);
            return JsonRows.Read<VerificationItem>(index) with { ClaimedBy = coder, LeaseExpiresAt = until };
        }
        catch (TableTransactionFailedException e) when (e.Status is 412 or 404)
        {
            return null;
        }
    }

    /// <summary>The head of the study's queue, read by this claim or by one in flight when it started.</summary>
    private async Task<List<TableEntity>> SharedHeadAsync(string studyId, DateTimeOffset now, CancellationToken ct)
    {
        if (_heads.TryGetValue(studyId, out var shared) && !shared.Read.IsCompleted && shared.Now <= now)
            return await shared.Read.WaitAsync(ct);
        var read = ReadHeadAsync(studyId, now, CancellationToken.None);
        var entry = (now, read);
        _heads[studyId] = entry;
        try
        {
            return await read.WaitAsync(ct);
        }
        finally
        {
            _heads.TryRemove(new KeyValuePair<string, (DateTimeOffset, Task<List<TableEntity>>)>(studyId, entry));
        }
    }

    /// <summary>The first index rows of the study nobody holds (unclaimed or lapsed), in queue order.</summary>
    private async Task<List<TableEntity>> ReadHeadAsync(string studyId, DateTimeOffset now, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {studyId} and RowKey ge {PendingPrefix} and RowKey lt {PrefixEnd(PendingPrefix)} and LeaseExpiresAt le {now}");
        var head = new List<TableEntity>();
        // A filtered query may return a short (even empty) page with a continuation: read on until
        // something is found or the range ends.
        await foreach (var page in table.QueryAsync<TableEntity>(filter, HeadSize, IndexColumns, ct).AsPages(pageSizeHint: HeadSize))
        {
            head.AddRange(page.Values.Take(HeadSize - head.Count));
            if (head.Count > 0) break;
        }
        return head;
    }

    private static string RecordingRange(string studyId, string recordingId)
    {
        var prefix = ItemKey(recordingId, "");
        return TableClient.CreateQueryFilter($"PartitionKey eq {studyId} and RowKey ge {prefix} and RowKey lt {PrefixEnd(prefix)}");
    }

    /// <summary>The smallest key after every key starting with <paramref name="prefix"/> (which ends in '|').</summary>
    private static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    private static string ItemKey(string recordingId, string localId) => $"{ItemPrefix}{recordingId}|{localId}";

    private static string IndexKey(VerificationItem item)
    {
        var (_, recording, local) = Split(item);
        var priority = Math.Clamp(item.Priority, 0, VerificationItem.LowestPriority);
        var queued = item.QueuedAt ?? item.CreatedAt;
        return string.Create(CultureInfo.InvariantCulture, $"{PendingPrefix}{priority:D3}|{queued.UtcTicks:D19}|{recording}|{local}");
    }

    /// <summary>The study an item id names (ids begin with it), or null for a malformed id.</summary>
    public static string? StudyOfItem(string itemId) => TrySplit(itemId, out var study, out _, out _) ? study : null;

    private static bool TrySplit(string itemId, out string study, out string recording, out string local)
    {
        var first = itemId.IndexOf(Separator);
        var second = first > 0 ? itemId.IndexOf(Separator, first + 1) : -1;
        study = first > 0 ? itemId[..first] : "";
        recording = second > first + 1 ? itemId[(first + 1)..second] : "";
        local = second > 0 ? itemId[(second + 1)..] : "";
        // Characters a table key may not hold are refused (see JsonRows.IsSafeKey), and '|', which
        // separates the parts of row keys.
        return study.Length > 0 && recording.Length > 0 && local.Length > 0 && JsonRows.IsSafeKey(itemId) && itemId.IndexOf('|') < 0;
    }

    private static (string Study, string Recording, string Local) Split(VerificationItem item)
    {
        if (!TrySplit(item.Id, out var study, out var recording, out var local) || study != item.StudyId || recording != item.RecordingId)
            throw new ArgumentException($"Item id '{item.Id}' does not belong to study '{item.StudyId}' and recording '{item.RecordingId}'.", nameof(item));
        return (study, recording, local);
    }

    private static TableEntity ItemEntity(VerificationItem item)
    {
        var (study, recording, local) = Split(item);
        return JsonRows.Create(study, ItemKey(recording, local), item,
            ("RecordingId", recording), ("Status", item.Status.ToString()), ("Kind", item.Kind.ToString()),
            (ClaimedBy, item.ClaimedBy), (LeaseExpiresAt, item.LeaseExpiresAt));
    }

    private static TableEntity IndexEntity(VerificationItem item, string? claimedBy, DateTimeOffset leaseExpiresAt)
    {
        var (study, recording, local) = Split(item);
        return JsonRows.Create(study, IndexKey(item), item,
            (ItemRow, ItemKey(recording, local)), (ClaimedBy, claimedBy ?? ""), (LeaseExpiresAt, leaseExpiresAt),
            (KindColumn, item.Kind.ToString()), (PairedWithColumn, item.PairedWith ?? ""));
    }

    /// <summary>The item with its current lease, which the row's columns hold (a claim does not rewrite the payload).</summary>
    private static VerificationItem ReadItem(TableEntity entity)
    {
        var item = JsonRows.Read<VerificationItem>(entity);
        return item.Status == VerificationItemStatus.Pending
            ? item with { ClaimedBy = entity.GetString(ClaimedBy), LeaseExpiresAt = entity.GetDateTimeOffset(LeaseExpiresAt) }
            : item;
    }
}
