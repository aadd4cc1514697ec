using Workflow.Domain.Coding;

namespace Workflow.Storage;

/// <summary>The segments of a de-identified transcript and the codes an engine proposed for them.</summary>
public sealed record CodingRecord(
    string RecordingId,
    int CodebookVersion,
    string Engine,
    IReadOnlyList<Segment> Segments,
    IReadOnlyList<CodeSuggestion> Suggestions);
