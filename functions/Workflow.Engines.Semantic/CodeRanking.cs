namespace Workflow.Engines.Semantic;

/// <summary>Which of one segment's scored codes are proposed. Pure.</summary>
internal static class CodeRanking
{
    /// <summary>
    /// The codes at or above <paramref name="minConfidence"/>, at most <paramref name="max"/>, and only
    /// those whose raw score is within <paramref name="maxGapToTop"/> of the segment's best raw score over
    /// all codes. Ordered by raw score: calibration decides whether a code is plausible at all, but a
    /// distinctive code's curve is steep, so confidences of different codes do not rank them well.
    /// Ties are broken by code id so the result is deterministic.
    /// </summary>
    public static IEnumerable<ScoredCode> Select(IReadOnlyList<ScoredCode> codes, double minConfidence, int max, double maxGapToTop)
    {
        if (codes.Count == 0) return [];
        var top = codes.Max(c => c.Score);
        var eligible = codes.Where(c => c.Confidence >= minConfidence)
            .OrderByDescending(c => c.Score).ThenBy(c => c.CodeId, StringComparer.Ordinal).ToList();
        return eligible.Where(c => top - c.Score <= maxGapToTop).Take(max);
    }
}
