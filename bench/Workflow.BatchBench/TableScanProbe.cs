using System.Diagnostics;
using Azure.Data.Tables;

namespace Workflow.BatchBench;

/// <summary>
/// Whether the table service answers a one-partition query in time that grows with the rest of the
/// table. Azure Table storage finds a partition by its key; if the emulator instead walks every row,
/// every Durable history read and every queue query of a batch costs more as the study grows, and a
/// batch's time grows faster than its size for reasons that are the emulator's, not the workflow's.
/// Measures a 10-row partition query (median of 15) in a fresh table as other partitions fill it.
/// </summary>
internal static class TableScanProbe
{
    public static async Task<int> RunAsync(string connectionString, int[] sizes)
    {
        Console.WriteLine("A 10-row partition, the rest of the table in other partitions (Durable history, recordings):");
        await SeriesAsync(connectionString, sizes, samePartition: false);
        Console.WriteLine("A 10-row key range inside one partition that holds the rest (a study's verification queue):");
        await SeriesAsync(connectionString, sizes, samePartition: true);
        return 0;
    }

    private static async Task SeriesAsync(string connectionString, int[] sizes, bool samePartition)
    {
        var table = new TableServiceClient(connectionString).GetTableClient("scanprobe" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateAsync();
        try
        {
            for (var i = 0; i < 10; i++) await table.AddEntityAsync(new TableEntity("probe", $"row-{i:D3}") { ["Text"] = "x" });
            var filled = 0;
            Console.WriteLine("    other rows   median query ms");
            var medians = new List<double>();
            foreach (var size in sizes)
            {
                for (; filled < size; filled += 100)
                {
                    var partition = samePartition ? "probe" : $"filler-{filled / 100:D6}";
                    var prefix = samePartition ? $"filler-{filled / 100:D6}-" : "row-";
                    var batch = Enumerable.Range(0, 100).Select(j => new TableTransactionAction(TableTransactionActionType.Add,
                        new TableEntity(partition, $"{prefix}{j:D3}") { ["Text"] = new string('x', 200) })).ToList();
                    await table.SubmitTransactionAsync(batch);
                }
                var times = new List<double>();
                for (var k = 0; k < 15; k++)
                {
                    var clock = Stopwatch.StartNew();
                    var count = 0;
                    var query = samePartition
                        ? table.QueryAsync<TableEntity>(e => e.PartitionKey == "probe" && e.RowKey.CompareTo("row-") >= 0 && e.RowKey.CompareTo("row.") < 0)
                        : table.QueryAsync<TableEntity>(e => e.PartitionKey == "probe");
                    await foreach (var _ in query) count++;
                    times.Add(clock.Elapsed.TotalMilliseconds);
                    if (count != 10) throw new InvalidOperationException($"the probe partition returned {count} rows, not 10");
                }
                var median = times.Order().ElementAt(times.Count / 2);
                medians.Add(median);
                Console.WriteLine($"    {filled,10:N0}   {median,10:F1}");
            }
            Console.WriteLine($"    largest / smallest: {medians[^1] / medians[0]:F1}x for {(double)sizes[^1] / Math.Max(sizes[0], 1):F0}x the rows (an indexed lookup stays near 1x)");
        }
        finally
        {
            await table.DeleteAsync();
        }
    }
}
