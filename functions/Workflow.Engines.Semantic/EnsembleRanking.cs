using Workflow.Domain.Coding;

namespace Workflow.Engines.Semantic;

/// <summary>
/// Combines the keyword and semantic engines' confidences for the same (segment, code) into one:
/// 1 - (1 - d*k)(1 - d*s), a discounted noisy-OR. Evidence from both engines raises confidence above
/// either alone; one engine alone is discounted by d, so a lone keyword hit or a lone loose similarity
/// needs to be strong to pass. Pure.
/// </summary>
internal static class EnsembleRanking
{
    public static double Combine(double keyword, double semantic, double discount) =>
        1 - (1 - discount * keyword) * (1 - discount * semantic);

    /// <summary>One ranked list per segment: combined confidence, best first, at most <paramref name="max"/> at or above <paramref name="minConfidence"/>.</summary>
    public static List<(string SegmentId, string CodeId, double Confidence, EvidenceSpan Evidence, bool BothAgree)> Rank(
        IEnumerable<CodeSuggestion> keyword, IEnumerable<ScoredCode> semantic, double discount, double minConfidence, int max)
    {
        var byKey = new Dictionary<(string, string), (double K, double S, EvidenceSpan? KE, EvidenceSpan? SE)>();
        foreach (var k in keyword)
            byKey[(k.SegmentId, k.CodeId)] = (k.Confidence, 0, k.Evidence, null);
        foreach (var s in semantic)
            byKey[(s.SegmentId, s.CodeId)] = byKey.TryGetValue((s.SegmentId, s.CodeId), out var e) ? e with { S = s.Confidence, SE = s.Evidence } : (0, s.Confidence, null, s.Evidence);
        return byKey
            .Select(p => (p.Key.Item1, p.Key.Item2, Confidence: Combine(p.Value.K, p.Value.S, discount),
                // The keyword's words are the sharper evidence when there are any; otherwise the sentence that matched.
                Evidence: p.Value.KE ?? p.Value.SE!, BothAgree: p.Value.KE is not null && p.Value.S >= 0.5))
            .Where(x => x.Confidence >= minConfidence)
            .GroupBy(x => x.Item1)
            .SelectMany(g => g.OrderByDescending(x => x.Confidence).ThenBy(x => x.Item2, StringComparer.Ordinal).Take(max))
            .ToList();
    }
}
