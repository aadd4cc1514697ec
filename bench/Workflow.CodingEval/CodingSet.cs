using Workflow.Domain.Coding;

namespace Workflow.CodingEval;

/// <summary>
/// One evaluation set: a codebook, the segments in reading order (context included), the expert's codes
/// per segment and the codes that are scored (all applicable codes, or those with a counterpart in the labels).
/// </summary>
internal sealed record CodingSet(
    string Name,
    Codebook Codebook,
    IReadOnlyList<Segment> Segments,
    IReadOnlyDictionary<string, IReadOnlySet<string>> Expert,
    IReadOnlyList<string> ScoredCodes)
{
    /// <summary>The units scored: the codable segments.</summary>
    public IEnumerable<Segment> Units => Segments.Where(s => s.Codable);
}
