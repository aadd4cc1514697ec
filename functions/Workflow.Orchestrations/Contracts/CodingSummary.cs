namespace Workflow.Orchestrations.Contracts;

/// <summary>Counts from first-pass coding.</summary>
public sealed record CodingSummary(int CodebookVersion, int Segments, int CodableSegments, int Suggestions);
