namespace Workflow.Engines.Semantic;

/// <summary>
/// Sentence vectors from the model's token vectors as sentence-transformers computes them: the mean of
/// each row's real tokens (padding left out by the attention mask), scaled to unit length. Reads the
/// output tensor as one flat span: indexing a tensor element by element cost more than the model run
/// itself in the package's own encoder. Pure.
/// </summary>
internal static class MeanPooling
{
    /// <param name="hidden">[rows, columns, dimensions] token vectors, row-major.</param>
    /// <param name="tokenCounts">Each row's real (unpadded) token count; its tokens come first.</param>
    /// <param name="columns">The padded row length.</param>
    /// <param name="dimensions">The size of one token vector.</param>
    public static float[][] UnitMeans(ReadOnlySpan<float> hidden, IReadOnlyList<int> tokenCounts, int columns, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(tokenCounts);
        if (hidden.Length != tokenCounts.Count * columns * dimensions)
            throw new ArgumentException($"Expected {tokenCounts.Count}x{columns}x{dimensions} values, got {hidden.Length}.", nameof(hidden));
        var result = new float[tokenCounts.Count][];
        var sum = new double[dimensions];
        for (var r = 0; r < tokenCounts.Count; r++)
        {
            Array.Clear(sum);
            var count = Math.Min(tokenCounts[r], columns);
            for (var t = 0; t < count; t++)
            {
                var token = hidden.Slice((r * columns + t) * dimensions, dimensions);
                for (var d = 0; d < dimensions; d++) sum[d] += token[d];
            }
            var mean = new float[dimensions];
            for (var d = 0; d < dimensions; d++) mean[d] = (float)(sum[d] / Math.Max(count, 1));
            result[r] = Vectors.Normalized(mean);
        }
        return result;
    }
}
