namespace Workflow.Engines.Local.Coding;

/// <summary>
/// Running evidence for one code in one segment: the summed weight of distinct keyword hits and the
/// span of the heaviest hit (the earliest one on ties), offsets relative to the segment text.
/// </summary>
internal readonly record struct CodeScore(double Total, double BestWeight, int BestStart, int BestEnd)
{
    /// <summary>Adds a hit, keeping the earlier span unless the new hit weighs more.</summary>
    public CodeScore Add(double weight, int start, int end) =>
        weight > BestWeight ? new(Total + weight, weight, start, end) : this with { Total = Total + weight };
}
