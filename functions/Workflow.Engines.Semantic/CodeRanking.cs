namespace Workflow.Engines.Semantic;

/// <summary>Which of one segment's scored codes are proposed. Pure.</summary>
internal static class CodeRanking
{
    /// <summary>
    /// The codes at or above <paramref name="minConfidence"/>, best first, at most <paramref name="max"/>,
    /// and only those whose raw score is within <paramref name="maxGapToTop"/> of the best proposed one.
    /// Ties are broken by code id so the result is deterministic.
    /// </summary>
    public static IEnumerable<ScoredCode> Select(IReadOnlyList<ScoredCode> codes, double minConfidence, int max, double maxGapToTop)
    {
        var eligible = codes.Where(c => c.Confidence >= minConfidence)
            .OrderByDescending(c => c.Confidence).ThenBy(c => c.CodeId, StringComparer.Ordinal).ToList();
        if (eligible.Count == 0) return [];
        var top = eligible.Max(c => c.Score);
        return eligible.Where(c => top - c.Score <= maxGapToTop).Take(max);
    }
}
