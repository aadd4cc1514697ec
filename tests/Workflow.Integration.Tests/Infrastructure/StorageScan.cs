using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Workflow.Integration.Tests.Infrastructure;

/// <summary>Where a scanned-for string was found: "blob container/name", "table name/partition/row" or "queue name".</summary>
public sealed record ScanHit(string Needle, string Where);

/// <summary>
/// Searches the whole of Azurite (every container, table and queue; both of the workflow's accounts
/// are this one account locally) for strings, in names and in contents, case-insensitively and also in
/// their JSON-escaped form. Other runners' task hubs are skipped: a test's runner writes only to its own.
/// </summary>
public static class StorageScan
{
    private const long LargestBlobRead = 4 * 1024 * 1024;

    public static async Task<IReadOnlyList<ScanHit>> FindAsync(IReadOnlyCollection<string> needles, string ownTaskHub)
    {
        var hits = new List<ScanHit>();
        void Look(string text, string where)
        {
            foreach (var needle in needles)
                if (text.Contains(needle, StringComparison.OrdinalIgnoreCase) || text.Contains(System.Text.Json.JsonEncodedText.Encode(needle).ToString(), StringComparison.OrdinalIgnoreCase))
                    hits.Add(new ScanHit(needle, where));
        }
        bool Foreign(string name) => IsTaskHubName(name) && !name.StartsWith(ownTaskHub, StringComparison.OrdinalIgnoreCase);

        var blobs = new BlobServiceClient(Azurite.ConnectionString);
        await foreach (var container in blobs.GetBlobContainersAsync())
        {
            if (Foreign(container.Name)) continue;
            var client = blobs.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Traits = Azure.Storage.Blobs.Models.BlobTraits.Metadata }))
            {
                var where = $"blob {container.Name}/{blob.Name}";
                Look(blob.Name + " " + string.Join(" ", blob.Metadata.Select(m => m.Key + "=" + Uri.UnescapeDataString(m.Value))), where);
                if (blob.Properties.ContentLength is > LargestBlobRead) continue;
                try
                {
                    var content = await client.GetBlobClient(blob.Name).DownloadContentAsync();
                    Look(TextOf(content.Value.Content.ToArray()), where);
                }
                catch (Azure.RequestFailedException e) when (e.Status == 404)
                {
                    // Deleted since it was listed (another test's transcription scratch, removed once its
                    // transcript is stored): what no longer exists holds nothing.
                }
            }
        }

        var tables = new TableServiceClient(Azurite.ConnectionString);
        await foreach (var table in tables.QueryAsync())
        {
            if (Foreign(table.Name)) continue;
            await foreach (var row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
                Look(string.Join(" ", row.Select(p => p.Key + "=" + p.Value)), $"table {table.Name}/{row.PartitionKey}/{row.RowKey}");
        }

        var queues = new QueueServiceClient(Azurite.ConnectionString);
        await foreach (var queue in queues.GetQueuesAsync())
        {
            if (Foreign(queue.Name)) continue;
            foreach (var message in (await queues.GetQueueClient(queue.Name).PeekMessagesAsync(32)).Value)
                Look(message.Body.ToString(), $"queue {queue.Name}: {Excerpt(message.Body.ToString())}");
        }
        return hits;
    }

    private static string Excerpt(string text) => text.Length <= 400 ? text : text[..400] + "...";

    /// <summary>The blob as text; gzip (how the Durable provider stores large messages) is unpacked first.</summary>
    private static string TextOf(byte[] bytes)
    {
        if (bytes is not [0x1f, 0x8b, ..]) return Encoding.UTF8.GetString(bytes);
        using var unzip = new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress);
        using var text = new StreamReader(unzip, Encoding.UTF8);
        var buffer = new char[LargestBlobRead];
        return new string(buffer, 0, text.ReadBlock(buffer, 0, buffer.Length));
    }

    /// <summary>Task hubs of test runners are "t" and 12 hex digits (<see cref="LocalRunnerProcess"/>), and their tables, containers and queues start so.</summary>
    private static bool IsTaskHubName(string name) =>
        name.Length >= 13 && (name[0] is 't' or 'T') && name.AsSpan(1, 12).ToString().All(Uri.IsHexDigit);
}
