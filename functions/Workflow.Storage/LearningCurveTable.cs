using Azure.Data.Tables;
using Workflow.Domain.Coding.Learning;
using Workflow.Domain.Ports;
using Workflow.Storage.Tables;

namespace Workflow.Storage;

/// <summary>
/// <see cref="ILearningCurve"/> in a table of the de-identified account: partition the study, row the
/// training's fingerprint (a hash of what was trained on, so adding is idempotent by key and a second
/// instance racing to add the same point gets a conflict, not a duplicate). Counts and figures only.
/// </summary>
public sealed class LearningCurveTable(TableClient table) : ILearningCurve
{
    private const string TrainedAt = "TrainedAt";

    public async Task<bool> AppendAsync(string studyId, string fingerprint, LearningCurvePoint point, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (!JsonRows.IsSafeKey(studyId) || !JsonRows.IsSafeKey(fingerprint)) throw new ArgumentException("Study id and fingerprint must be table keys.");
        if (!await JsonRows.TryAddAsync(table, JsonRows.Create(studyId, fingerprint, point, (TrainedAt, point.TrainedAt)), cancellationToken)) return false;

        // Trimmed after each add: the partition stays near MaxPoints, so this read stays small.
        var rows = new List<(string RowKey, DateTimeOffset At)>();
        await foreach (var row in table.QueryAsync<TableEntity>(r => r.PartitionKey == studyId, select: ["RowKey", TrainedAt], cancellationToken: cancellationToken))
            rows.Add((row.RowKey, row.GetDateTimeOffset(TrainedAt) ?? DateTimeOffset.MinValue));
        foreach (var old in rows.OrderByDescending(r => r.At).ThenBy(r => r.RowKey, StringComparer.Ordinal).Skip(ILearningCurve.MaxPoints))
            await table.DeleteEntityAsync(studyId, old.RowKey, Azure.ETag.All, cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<LearningCurvePoint>> ListAsync(string studyId, CancellationToken cancellationToken)
    {
        if (!JsonRows.IsSafeKey(studyId)) return [];
        var points = new List<LearningCurvePoint>();
        await foreach (var row in table.QueryAsync<TableEntity>(r => r.PartitionKey == studyId, cancellationToken: cancellationToken))
            points.Add(JsonRows.Read<LearningCurvePoint>(row));
        return points.OrderBy(p => p.TrainedAt).ToList();
    }
}
