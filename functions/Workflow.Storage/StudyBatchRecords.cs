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

    public Task SaveTargetsAsync<T>(string batchId, IReadOnlyList<T> targets, CancellationToken ct) =>
        UpsertAsync(batchId, targets.Select((t, i) => JsonRows.Create(batchId, Target + i.ToString("D7", CultureInfo.InvariantCulture), t)), ct);

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
