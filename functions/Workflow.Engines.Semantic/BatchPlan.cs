namespace Workflow.Engines.Semantic;

/// <summary>
/// Which texts go to the model together: in order of token count, since a batch is padded to its longest
/// text and mixing a long turn with short ones makes the model work on padding; at most the batch size
/// and the padded-token budget each, and fewer when there are too few texts to give every worker a batch.
/// Pure.
/// </summary>
internal static class BatchPlan
{
    /// <summary>
    /// Padded tokens per batch: batches of about this size kept the layers' intermediate values in the
    /// core's cache and ran 1.5-2x faster than 64 sentences at once on the 2-core machine (128 to 512
    /// measured within noise of each other).
    /// </summary>
    public const int DefaultTokenBudget = 256;

    /// <returns>Indices into <paramref name="tokenCounts"/>, batch by batch, shortest texts first.</returns>
    public static List<int[]> Of(IReadOnlyList<int> tokenCounts, int batchSize, int workers, int tokenBudget = DefaultTokenBudget)
    {
        ArgumentNullException.ThrowIfNull(tokenCounts);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(tokenBudget, 1);
        var size = Math.Max(1, Math.Min(batchSize, (tokenCounts.Count + workers - 1) / workers));
        var byLength = Enumerable.Range(0, tokenCounts.Count).OrderBy(i => tokenCounts[i]).ToArray();
        var batches = new List<int[]>();
        var current = new List<int>();
        foreach (var i in byLength)
        {
            // Sorted, so this text is the longest so far: the batch would be padded to its length.
            if (current.Count > 0 && (current.Count == size || (current.Count + 1) * tokenCounts[i] > tokenBudget))
            {
                batches.Add(current.ToArray());
                current.Clear();
            }
            current.Add(i);
        }
        if (current.Count > 0) batches.Add(current.ToArray());
        return batches;
    }
}
