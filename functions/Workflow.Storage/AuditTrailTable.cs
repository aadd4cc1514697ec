using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Workflow.Domain.Audit;
using Workflow.Domain.Ports;
using Workflow.Storage.Tables;

namespace Workflow.Storage;

/// <summary>
/// The audit trail in one table of the identifiable account (it names users and what they looked
/// at), one partition per study:
/// <list type="bullet">
/// <item><c>head</c>: the sequence number and hash of the study's last event.</item>
/// <item><c>event|{sequence:D19}</c>: one event (JSON payload), in sequence order.</item>
/// </list>
/// An append reads the head, chains the next event to it and, in one entity-group transaction,
/// replaces the head (conditional on the ETag it read; added if absent) and adds the event row. Two
/// appenders that read the same head cannot both commit: the loser gets 412 (or 409 for a first
/// event) and retries on the new head. So sequence numbers have no gaps, the chain never forks, and
/// an event is never stored without the head that accounts for it. Nothing in this class updates or
/// deletes an event; the chain makes any change made by other means visible to the verifier.
/// </summary>
public sealed class AuditTrailTable(TableClient table, TimeProvider time) : IAuditTrail
{
    private const string HeadRow = "head";
    private const string EventPrefix = "event|";
    private const string SequenceColumn = "Sequence";
    private const string HashColumn = "Hash";

    /// <summary>Enough for many more concurrent appenders to one study than a research team has.</summary>
    private const int MaxAttempts = 100;

    public async Task<AuditEvent> AppendAsync(string studyId, AuditEntry entry, CancellationToken ct)
    {
        if (!JsonRows.IsSafeKey(studyId)) throw new ArgumentException("The study id cannot be a table key.", nameof(studyId));
        for (var attempt = 1; ; attempt++)
        {
            var (head, etag) = await ReadHeadAsync(studyId, ct);
            var next = AuditChain.Next(studyId, head ?? AuditHead.Empty, entry, time.GetUtcNow());
            var headEntity = new TableEntity(studyId, HeadRow) { [SequenceColumn] = next.Sequence, [HashColumn] = next.Hash };
            TableTransactionAction writeHead = head is null
                ? new(TableTransactionActionType.Add, headEntity)
                : new(TableTransactionActionType.UpdateReplace, headEntity, etag);
            try
            {
                await table.SubmitTransactionAsync(
                [
                    writeHead,
                    new(TableTransactionActionType.Add, JsonRows.Create(studyId, EventKey(next.Sequence), next, (SequenceColumn, next.Sequence))),
                ], ct);
                return next;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another appender won this sequence number; back off a little (randomly, so the
                // losers do not collide again in step) and chain to the new head.
                await Task.Delay(Random.Shared.Next(1, 5 + Math.Min(attempt, 20) * 3), ct);
            }
        }
    }

    public async Task<IReadOnlyList<AuditEvent>> ReadAsync(string studyId, long fromSequence, int max, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fromSequence, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var events = new List<AuditEvent>();
        if (!JsonRows.IsSafeKey(studyId)) return events;
        await foreach (var entity in table.QueryAsync<TableEntity>(EventRange(studyId, fromSequence), Math.Min(max, 1000), [JsonRows.Payload], ct))
        {
            events.Add(JsonRows.Read<AuditEvent>(entity));
            if (events.Count == max) break;
        }
        return events;
    }

    public async Task<AuditVerification> VerifyAsync(string studyId, AuditHead? anchor, CancellationToken ct)
    {
        var verifier = new AuditChainVerifier(studyId, anchor);
        if (!JsonRows.IsSafeKey(studyId)) return verifier.Finish(AuditHead.Empty);
        var recorded = (await ReadHeadAsync(studyId, ct)).Head ?? AuditHead.Empty;
        var from = 1L;
        while (true)
        {
            await foreach (var entity in table.QueryAsync<TableEntity>(EventRange(studyId, from), 1000, [JsonRows.Payload], ct))
                if (!verifier.Accept(JsonRows.Read<AuditEvent>(entity))) return verifier.Finish(recorded);
            if (verifier.Last.Sequence <= recorded.Sequence) break;
            // Events beyond the head read at the start: appended while we walked (then the head has
            // moved on to cover them) or written without a head (then it has not, and Finish says so).
            var again = (await ReadHeadAsync(studyId, ct)).Head ?? AuditHead.Empty;
            var moved = again.Sequence > recorded.Sequence;
            recorded = again;
            if (!moved || again.Sequence <= verifier.Last.Sequence) break;
            from = verifier.Last.Sequence + 1;
        }
        return verifier.Finish(recorded);
    }

    private async Task<(AuditHead? Head, ETag ETag)> ReadHeadAsync(string studyId, CancellationToken ct)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(studyId, HeadRow, cancellationToken: ct);
        if (!response.HasValue) return (null, default);
        var row = response.Value!;
        return (new AuditHead(row.GetInt64(SequenceColumn) ?? 0, row.GetString(HashColumn) ?? ""), row.ETag);
    }

    private static string EventRange(string studyId, long fromSequence) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {studyId} and RowKey ge {EventKey(fromSequence)} and RowKey lt {EventPrefix[..^1] + (char)(EventPrefix[^1] + 1)}");

    private static string EventKey(long sequence) => string.Create(CultureInfo.InvariantCulture, $"{EventPrefix}{sequence:D19}");
}
