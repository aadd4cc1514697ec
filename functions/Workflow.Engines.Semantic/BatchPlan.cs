namespace Workflow.Engines.Semantic;

/// <summary>
/// Which texts go to the model together: in order of token count, since a batch is padded to its longest
/// text and mixing a long turn with short ones makes the model work on padding; at most the batch size
/// each, and smaller when there are too few texts to give every worker a batch. Pure.
/// </summary>
internal static class BatchPlan
{
    /// <returns>Indices into <paramref name="tokenCounts"/>, batch by batch, shortest texts first.</returns>
    public static List<int[]> Of(IReadOnlyList<int> tokenCounts, int batchSize, int workers)
    {
        ArgumentNullException.ThrowIfNull(tokenCounts);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        var size = Math.Max(1, Math.Min(batchSize, (tokenCounts.Count + workers - 1) / workers));
        var byLength = Enumerable.Range(0, tokenCounts.Count).OrderBy(i => tokenCounts[i]).ToArray();
        var batches = new List<int[]>();
        for (var at = 0; at < byLength.Length; at += size)
            batches.Add(byLength[at..Math.Min(at + size, byLength.Length)]);
        return batches;
    }
}
