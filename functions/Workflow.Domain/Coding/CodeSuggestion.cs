namespace Workflow.Domain.Coding;

/// <summary>A code proposed for a segment by an engine, with the evidence and the codebook version it used.</summary>
public sealed record CodeSuggestion(
    string SegmentId,
    string CodeId,
    double Confidence,
    EvidenceSpan Evidence,
    string Engine,
    int CodebookVersion);
