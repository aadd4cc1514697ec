using Azure;
using Azure.Data.Tables;
using Workflow.Domain.Verification;
using Workflow.Storage.Tables;

namespace Workflow.Storage;

/// <summary>
/// A segment as one unit of work: the proposals of one segment (same recording, segment, kind and
/// codebook pass) are leased together and decided together, so a coder judges all codes proposed for
/// a passage at once. Item ids of proposals begin with <c>c{version}-{segment}-</c> (see
/// <see cref="VerificationItemFactory"/>), so a segment's items are one key range of the recording's.
/// </summary>
public sealed partial class VerificationQueue
{
    /// <summary>Most proposals one segment decision covers: each is two rows of one 100-operation transaction.</summary>
    public const int MaxSegmentItems = 40;

    /// <summary>
    /// After <paramref name="claimed"/> was leased to <paramref name="coder"/>, leases the other pending
    /// proposals of its segment that nobody else holds and that the coder may take (never the other side
    /// of a double coding they did). Returns every proposal of the segment the coder now holds, the
    /// claimed one first. A redaction is its own unit.
    /// </summary>
    public async Task<IReadOnlyList<VerificationItem>> LeaseSegmentAsync(VerificationItem claimed, string coder, DateTimeOffset until, DateTimeOffset now, CancellationToken ct)
    {
        var held = new List<VerificationItem> { claimed };
        if (claimed.Kind is not (VerificationItemKind.CodeSuggestion or VerificationItemKind.SecondCoding)) return held;
        foreach (var (sibling, _) in await SegmentItemsAsync(claimed, ct))
        {
            if (held.Count >= MaxSegmentItems) break;
            if (sibling.Id == claimed.Id || sibling.Status != VerificationItemStatus.Pending) continue;
            var live = sibling.ClaimedBy is { Length: > 0 } && sibling.LeaseExpiresAt > now;
            if (live && sibling.ClaimedBy != coder) continue;
            var index = await table.GetEntityIfExistsAsync<TableEntity>(sibling.StudyId, IndexKey(sibling), cancellationToken: ct);
            // The index row holds the lease, and its ETag makes the lease below conditional on what is read
            // here: another coder may have claimed the proposal since its item row was read.
            if (!index.HasValue || HeldByAnother(index.Value!, coder, now) || !await MayTakeAsync(index.Value!, coder, mayReconcile: false, ct)) continue;
            if (await TryLeaseAsync(index.Value!, coder, until, ct, asOwnClaim: false) is { } leased) held.Add(leased);
        }
        return held;
    }

    /// <summary>
    /// A pending proposal of the same segment as the item at <paramref name="itemRow"/> that
    /// <paramref name="coder"/> still holds, re-leased as their current claim; null when there is none.
    /// Lets a coder who decides one proposal at a time go through the segment they claimed.
    /// </summary>
    private async Task<VerificationItem?> HeldRestOfSegmentAsync(string studyId, string itemRow, string coder, DateTimeOffset until, DateTimeOffset now, ClaimFilter filter, CancellationToken ct)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(studyId, itemRow, cancellationToken: ct);
        if (!row.HasValue) return null;
        foreach (var (sibling, _) in await SegmentItemsAsync(ReadItem(row.Value!), ct))
        {
            if (sibling is not { Status: VerificationItemStatus.Pending } || sibling.ClaimedBy != coder || !(sibling.LeaseExpiresAt > now) || !filter.Matches(sibling)) continue;
            var index = await table.GetEntityIfExistsAsync<TableEntity>(studyId, IndexKey(sibling), cancellationToken: ct);
            if (index.HasValue && index.Value!.GetString(ClaimedBy) == coder && index.Value.GetDateTimeOffset(LeaseExpiresAt) > now
                && await TryLeaseAsync(index.Value, coder, until, ct) is { } renewed) return renewed;
        }
        return null;
    }

    /// <summary>
    /// The other proposals of <paramref name="item"/>'s segment that <paramref name="coder"/> holds,
    /// given back with it (released, or skipped to the back of the queue when <paramref name="skippedAt"/>
    /// is set): a segment leaves a coder's hands as it came, whole. Returns how many.
    /// </summary>
    public async Task<int> LetGoOfRestOfSegmentAsync(VerificationItem item, string coder, DateTimeOffset now, CancellationToken ct, DateTimeOffset? skippedAt = null)
    {
        var count = 0;
        foreach (var (sibling, etag) in await SegmentItemsAsync(item, ct))
        {
            if (sibling.Id == item.Id || sibling.Status != VerificationItemStatus.Pending || sibling.ClaimedBy != coder || !(sibling.LeaseExpiresAt > now)) continue;
            var done = skippedAt is { } at ? await TrySkipAsync(sibling, etag, at, ct) is not null : await TryReleaseAsync(sibling, etag, ct);
            if (done) count++;
        }
        return count;
    }

    /// <summary>True when the index row's lease is live and belongs to someone other than <paramref name="coder"/>.</summary>
    private static bool HeldByAnother(TableEntity index, string coder, DateTimeOffset now) =>
        index.GetString(ClaimedBy) is { Length: > 0 } holder && holder != coder && index.GetDateTimeOffset(LeaseExpiresAt) > now;

    /// <summary>The pending and decided items of <paramref name="item"/>'s segment and pass, of its kind, with their ETags.</summary>
    public async Task<IReadOnlyList<(VerificationItem Item, ETag ETag)>> SegmentItemsAsync(VerificationItem item, CancellationToken ct)
    {
        if (item.Suggestion is not { } s) return [];
        var prefix = ItemKey(item.RecordingId, $"c{s.CodebookVersion}-{s.SegmentId}-");
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {item.StudyId} and RowKey ge {prefix} and RowKey lt {prefix + char.MaxValue}");
        var found = new List<(VerificationItem, ETag)>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            var other = ReadItem(entity);
            // The prefix is a convention of the ids; the payload decides.
            if (other.Kind == item.Kind && other.Suggestion is { } o && o.SegmentId == s.SegmentId && o.CodebookVersion == s.CodebookVersion)
                found.Add((other, entity.ETag));
            if (found.Count > MaxSegmentItems * 2) break;
        }
        return found;
    }

    /// <summary>
    /// Records decisions on several pending items of one study in one transaction: all are stored or
    /// none (false when any item changed since its ETag was read: a claim, decision or re-code between).
    /// </summary>
    public async Task<bool> TryDecideTogetherAsync(IReadOnlyList<(VerificationItem Item, ETag ETag, VerificationDecision Decision)> decisions, CancellationToken ct)
    {
        if (decisions.Count == 0 || decisions.Count > MaxSegmentItems || decisions.Any(d => d.Item.Status != VerificationItemStatus.Pending)) return false;
        var actions = new List<TableTransactionAction>();
        foreach (var (item, etag, decision) in decisions)
        {
            var decided = item with { Status = VerificationItemStatus.Decided, Decision = decision, ClaimedBy = decision.DecidedBy, LeaseExpiresAt = null };
            actions.Add(new(TableTransactionActionType.UpdateReplace, ItemEntity(decided), etag));
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(item.StudyId, IndexKey(item)), ETag.All));
        }
        try
        {
            await table.SubmitTransactionAsync(actions, ct);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }
}
