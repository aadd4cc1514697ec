namespace Workflow.Domain.Coding;

/// <summary>
/// A code proposed for a segment by an engine, with the evidence, the codebook version it used and the
/// engine's version (so a suggestion can be traced to the rules or model that made it; null in records
/// written before versions were kept).
/// </summary>
public sealed record CodeSuggestion(
    string SegmentId,
    string CodeId,
    double Confidence,
    EvidenceSpan Evidence,
    string Engine,
    int CodebookVersion,
    string? EngineVersion = null);
