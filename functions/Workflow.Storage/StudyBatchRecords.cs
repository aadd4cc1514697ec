using System.Globalization;
using Azure.Data.Tables;
using Workflow.Storage.Tables;

namespace Workflow.Storage;

/// <summary>
/// A batch's working lists, kept out of its orchestration history so that history stays small however
/// many recordings the batch covers (a history that grows with the batch is re-read on every step,
/// which would make a batch's cost grow with the square of its size). One partition per batch:
/// <list type="bullet">
/// <item><c>t|{n:D7}</c>: the n-th recording to re-run (what it needs to start), in plan order;</item>
/// <item><c>s|{recordingId}</c>: a recording in scope the batch skipped, with the reason;</item>
/// <item><c>r|{recordingId}</c>: what the re-run of a recording came to.</item>
/// </list>
/// Ids, statuses, counts and reasons only; never transcript text. Writes are upserts, so re-running
/// the activity that wrote them is harmless.
/// </summary>
public sealed class StudyBatchRecords(TableClient table)
{
    private const string Target = "t|";
    private const string Skipped = "s|";
    private const string Result = "r|";

    /// <summary>Every batch id of a study starts so (the status route checks it, and erasure finds a study's batches by it).</summary>
    public static string BatchIdPrefix(string studyId) => $"reprocess-{studyId}-";

    /// <summary>
    /// A batch's id: the prefix the status route checks, then a new id, or a hash of the request id
    /// (caller-chosen text, not embedded: instance ids appear in URLs and logs), so the same request
    /// always names the same batch.
    /// </summary>
    public static string BatchIdFor(string studyId, string? requestId) => requestId is null
        ? $"{BatchIdPrefix(studyId)}{Guid.NewGuid():N}"
        : $"{BatchIdPrefix(studyId)}r{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(requestId)))[..32]}";

    /// <summary>
    /// Deletes what the study's batches recorded about one recording (its target, skip and result
    /// rows), for its deletion. Returns how many rows went.
    /// </summary>
    public async Task<int> EraseRecordingAsync(string studyId, string recordingId, CancellationToken ct)
    {
        var prefix = BatchIdPrefix(studyId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {prefix[..^1] + (char)(prefix[^1] + 1)}");
        var doomed = new List<(string Partition, string Row)>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", JsonRows.Payload], cancellationToken: ct))
        {
            // Recording ids are long random-looking hex, so a target row that mentions one is that recording's.
            var mine = row.RowKey == Skipped + recordingId || row.RowKey == Result + recordingId
                || (row.RowKey.StartsWith(Target, StringComparison.Ordinal) && row.GetString(JsonRows.Payload)?.Contains(recordingId, StringComparison.Ordinal) == true);
            if (mine) doomed.Add((row.PartitionKey, row.RowKey));
        }
        foreach (var (partition, rowKey) in doomed)
            await table.DeleteEntityAsync(partition, rowKey, Azure.ETag.All, ct);
        return doomed.Count;
    }

    /// <summary>Stores targets at positions <paramref name="from"/> onwards (a re-check appends after the plan's own).</summary>
    public Task SaveTargetsAsync<T>(string batchId, IReadOnlyList<T> targets, CancellationToken ct, int from = 0) =>
        UpsertAsync(batchId, targets.Select((t, i) => JsonRows.Create(batchId, Target + (from + i).ToString("D7", CultureInfo.InvariantCulture), t)), ct);

    /// <summary>Forgets that a recording was skipped (it runs after all). Safe to repeat.</summary>
    public async Task RemoveSkippedAsync(string batchId, string recordingId, CancellationToken ct)
    {
        try
        {
            await table.DeleteEntityAsync(batchId, Skipped + recordingId, Azure.ETag.All, ct);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    public Task SaveSkippedAsync<T>(string batchId, IEnumerable<(string RecordingId, T Value)> skipped, CancellationToken ct) =>
        UpsertAsync(batchId, skipped.Select(s => JsonRows.Create(batchId, Skipped + s.RecordingId, s.Value)), ct);

    public Task SaveResultAsync<T>(string batchId, string recordingId, T result, CancellationToken ct) =>
        table.UpsertEntityAsync(JsonRows.Create(batchId, Result + recordingId, result), TableUpdateMode.Replace, ct);

    /// <summary>Targets <paramref name="from"/> to <paramref name="from"/> + <paramref name="count"/> - 1, in plan order.</summary>
    public async Task<IReadOnlyList<T>> TargetsAsync<T>(string batchId, int from, int count, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {batchId} and RowKey ge {Target + from.ToString("D7", CultureInfo.InvariantCulture)} and RowKey lt {Target + (from + count).ToString("D7", CultureInfo.InvariantCulture)}");
        var list = new List<T>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            list.Add(JsonRows.Read<T>(entity));
        return list;
    }

    public Task<IReadOnlyList<T>> SkippedAsync<T>(string batchId, CancellationToken ct) => RangeAsync<T>(batchId, Skipped, ct);

    public Task<IReadOnlyList<T>> ResultsAsync<T>(string batchId, CancellationToken ct) => RangeAsync<T>(batchId, Result, ct);

    private async Task<IReadOnlyList<T>> RangeAsync<T>(string batchId, string prefix, CancellationToken ct)
    {
        var end = prefix[..^1] + (char)(prefix[^1] + 1);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {batchId} and RowKey ge {prefix} and RowKey lt {end}");
        var list = new List<T>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            list.Add(JsonRows.Read<T>(entity));
        return list;
    }

    private async Task UpsertAsync(string batchId, IEnumerable<TableEntity> rows, CancellationToken ct)
    {
        foreach (var chunk in rows.Chunk(100))
            await table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct);
    }
}
