using Azure;
using Azure.Data.Tables;
using Workflow.Domain.Serialization;

namespace Workflow.Storage.Tables;

/// <summary>
/// Table rows that hold a JSON payload plus a few indexed columns used in queries. The payload is
/// the source of truth; the columns exist only so that filters do not need to parse JSON.
/// </summary>
internal static class JsonRows
{
    public const string Payload = "Payload";

    public static TableEntity Create<T>(string partitionKey, string rowKey, T value, params (string Name, object? Value)[] columns)
    {
        var entity = new TableEntity(partitionKey, rowKey) { [Payload] = WorkflowJson.Serialize(value) };
        foreach (var (name, column) in columns) entity[name] = column;
        return entity;
    }

    /// <summary>
    /// Whether <paramref name="key"/> can be a partition or row key: not empty, at most 512 characters,
    /// none of '/', '\', '#', '?' or control characters. A lookup with such a key can fail instead of
    /// finding nothing (Azurite answers a '/' with 500), and an id taken from a URL must read as unknown.
    /// </summary>
    public static bool IsSafeKey(string key) =>
        key.Length is > 0 and <= 512 && key.IndexOfAny(['/', '\\', '#', '?']) < 0 && !key.Any(char.IsControl);

    public static T Read<T>(TableEntity entity) => WorkflowJson.Deserialize<T>(entity.GetString(Payload));

    public static async Task<(T? Value, ETag ETag)> TryGetAsync<T>(TableClient table, string partitionKey, string rowKey, CancellationToken ct)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: ct);
        return response.HasValue ? (Read<T>(response.Value!), response.Value!.ETag) : (default, default);
    }

    /// <summary>Adds the row; false when a row with the same keys exists.</summary>
    public static async Task<bool> TryAddAsync(TableClient table, TableEntity entity, CancellationToken ct)
    {
        try
        {
            await table.AddEntityAsync(entity, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Replaces the row if it still has <paramref name="etag"/>; false when it changed meanwhile.</summary>
    public static async Task<bool> TryReplaceAsync(TableClient table, TableEntity entity, ETag etag, CancellationToken ct)
    {
        try
        {
            await table.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }
}
