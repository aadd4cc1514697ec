namespace Workflow.Engines.Semantic;

/// <summary>
/// Caps a tokenised text at the length all-MiniLM-L6-v2 was trained on: sentence-transformers runs it
/// with max_seq_length 256 and cuts longer inputs there, keeping the closing [SEP]. The package's own
/// encoder allowed 512, which only long turns (context questions, monologues) reached, at up to four
/// times the cost per token in attention and with no better vector. Pure.
/// </summary>
internal static class TokenCap
{
    /// <summary>The most tokens, [CLS] and [SEP] included, given to the model per text.</summary>
    public const int MaxTokens = 256;

    /// <summary><paramref name="ids"/> itself when within <paramref name="max"/>, else its first max - 1 ids and <paramref name="separator"/>.</summary>
    public static int[] Truncate(int[] ids, int max, int separator)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (max < 2) throw new ArgumentOutOfRangeException(nameof(max), "Room is needed for [CLS] and [SEP].");
        if (ids.Length <= max) return ids;
        var capped = new int[max];
        Array.Copy(ids, capped, max - 1);
        capped[max - 1] = separator;
        return capped;
    }
}
