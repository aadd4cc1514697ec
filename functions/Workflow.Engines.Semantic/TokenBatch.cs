namespace Workflow.Engines.Semantic;

/// <summary>
/// Token ids of several texts packed as the model's inputs: one row per text, padded with zeros to the
/// longest row, an attention mask of 1 for real tokens and 0 for padding, and all-zero token types (one
/// sentence per row). Flat row-major arrays, as ONNX Runtime reads them without a copy. Pure.
/// </summary>
internal sealed class TokenBatch
{
    private TokenBatch(long[] inputIds, long[] attentionMask, long[] tokenTypeIds, int rows, int columns)
    {
        InputIds = inputIds;
        AttentionMask = attentionMask;
        TokenTypeIds = tokenTypeIds;
        Rows = rows;
        Columns = columns;
    }

    public long[] InputIds { get; }
    public long[] AttentionMask { get; }
    public long[] TokenTypeIds { get; }
    public int Rows { get; }

    /// <summary>The padded length: the longest row's token count.</summary>
    public int Columns { get; }

    public static TokenBatch Pack(IReadOnlyList<int[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0) throw new ArgumentException("A batch needs at least one text.", nameof(rows));
        var columns = rows.Max(r => r.Length);
        var ids = new long[rows.Count * columns];
        var mask = new long[ids.Length];
        for (var r = 0; r < rows.Count; r++)
        {
            var at = r * columns;
            for (var t = 0; t < rows[r].Length; t++)
            {
                ids[at + t] = rows[r][t];
                mask[at + t] = 1;
            }
        }
        return new TokenBatch(ids, mask, new long[ids.Length], rows.Count, columns);
    }
}
