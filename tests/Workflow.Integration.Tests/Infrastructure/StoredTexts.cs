using System.IO.Compression;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;

namespace Workflow.Integration.Tests.Infrastructure;

/// <summary>Something stored, as text: where it is ("blob coding/s1/rec-1.json") and what it holds.</summary>
public sealed record StoredText(string Location, string Text);

/// <summary>
/// Reads what Azure Storage holds as text, for scanning: blob names, metadata and contents (gzip undone,
/// as the Durable provider compresses large messages), every key and property of table rows, and queue
/// messages (peeked, so they stay for the system; base64 undone where a client encoded them).
/// </summary>
public sealed class StoredTexts(string connectionString)
{
    private readonly BlobServiceClient _blobs = new(connectionString);
    private readonly TableServiceClient _tables = new(connectionString);
    private readonly QueueServiceClient _queues = new(connectionString);

    public async Task<List<StoredText>> BlobsAsync(string container, string? prefix = null)
    {
        var client = _blobs.GetBlobContainerClient(container);
        var texts = new List<StoredText>();
        if (!await client.ExistsAsync()) return texts;
        await foreach (var blob in client.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata, Prefix = prefix }))
        {
            var location = $"blob {container}/{blob.Name}";
            var metadata = string.Join("\n", blob.Metadata.Select(m => $"{m.Key}={m.Value}"));
            byte[] content;
            try { content = (await client.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray(); }
            catch (Azure.RequestFailedException e) when (e.Status == 404) { continue; } // deleted while listing
            texts.Add(new StoredText(location, blob.Name + "\n" + metadata + "\n" + Decode(content)));
        }
        return texts;
    }

    /// <summary>Rows of <paramref name="table"/> that <paramref name="keep"/> selects (all by default), each as "key=value" lines.</summary>
    public async Task<List<StoredText>> RowsAsync(string table, Func<TableEntity, bool>? keep = null)
    {
        var texts = new List<StoredText>();
        var client = _tables.GetTableClient(table);
        try
        {
            await foreach (var row in client.QueryAsync<TableEntity>())
            {
                if (keep is not null && !keep(row)) continue;
                var values = row.Select(p => $"{p.Key}={(p.Value is byte[] bytes ? Decode(bytes) : p.Value)}");
                texts.Add(new StoredText($"table {table} ({row.PartitionKey} | {row.RowKey})", string.Join("\n", values)));
            }
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404) { }
        return texts;
    }

    /// <summary>The messages now in <paramref name="queue"/>, left in place (at most 32: the most a peek returns).</summary>
    public async Task<List<StoredText>> PeekAsync(string queue)
    {
        var texts = new List<StoredText>();
        try
        {
            foreach (var message in (await _queues.GetQueueClient(queue).PeekMessagesAsync(32)).Value)
                texts.Add(new StoredText($"queue {queue} (message {message.MessageId})", DecodeMessage(message.Body.ToString())));
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404) { }
        return texts;
    }

    public async Task<List<string>> TableNamesAsync(string prefix)
    {
        var names = new List<string>();
        await foreach (var table in _tables.QueryAsync()) if (table.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) names.Add(table.Name);
        return names;
    }

    public async Task<List<string>> ContainerNamesAsync(string prefix)
    {
        var names = new List<string>();
        await foreach (var container in _blobs.GetBlobContainersAsync(prefix: prefix.ToLowerInvariant())) names.Add(container.Name);
        return names;
    }

    public async Task<List<string>> QueueNamesAsync(string prefix)
    {
        var names = new List<string>();
        await foreach (var queue in _queues.GetQueuesAsync(prefix: prefix.ToLowerInvariant())) names.Add(queue.Name);
        return names;
    }

    private static string DecodeMessage(string body)
    {
        if (body.TrimStart().StartsWith('{')) return body;
        try { return body + "\n" + Decode(Convert.FromBase64String(body)); }
        catch (FormatException) { return body; }
    }

    /// <summary>UTF-8 text, after gunzip when the bytes are gzip.</summary>
    private static string Decode(byte[] bytes)
    {
        if (bytes is [0x1f, 0x8b, ..])
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            gzip.CopyTo(plain);
            bytes = plain.ToArray();
        }
        return Encoding.UTF8.GetString(bytes);
    }
}
