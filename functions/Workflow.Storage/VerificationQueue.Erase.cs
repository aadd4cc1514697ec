using Azure;
using Azure.Data.Tables;

namespace Workflow.Storage;

public sealed partial class VerificationQueue
{
    /// <summary>
    /// Deletes every row of a recording: its items (decided or not, with the words redaction checks
    /// show), their pending index rows, and coders' leases on them. Returns how many rows went.
    /// Idempotent: a second run finds nothing.
    /// </summary>
    public async Task<int> EraseRecordingAsync(string studyId, string recordingId, CancellationToken ct)
    {
        var doomed = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(RecordingRange(studyId, recordingId), cancellationToken: ct))
        {
            doomed.Add(row.RowKey);
            doomed.Add(IndexKey(ReadItem(row)));
        }
        var itemPrefix = ItemKey(recordingId, "");
        var leases = TableClient.CreateQueryFilter($"PartitionKey eq {studyId} and RowKey ge {LeasePrefix} and RowKey lt {PrefixEnd(LeasePrefix)}");
        await foreach (var lease in table.QueryAsync<TableEntity>(leases, select: ["RowKey", ItemRow], cancellationToken: ct))
            if (lease.GetString(ItemRow)?.StartsWith(itemPrefix, StringComparison.Ordinal) == true) doomed.Add(lease.RowKey);

        var erased = 0;
        foreach (var rowKey in doomed)
        {
            // One at a time: an index row may already be gone (the item was decided), and a batch
            // fails whole on one missing row.
            var response = await table.DeleteEntityAsync(studyId, rowKey, ETag.All, ct);
            if (response.Status != 404) erased++;
        }
        return erased;
    }
}
