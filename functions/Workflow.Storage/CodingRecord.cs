using Workflow.Domain.Coding;

namespace Workflow.Storage;

/// <summary>
/// The segments of a de-identified transcript and the codes an engine proposed for them.
/// <see cref="EngineVersion"/> is the engine's build (null on records stored before it was kept); each
/// suggestion also carries the version of the method that scored it.
/// </summary>
public sealed record CodingRecord(
    string RecordingId,
    int CodebookVersion,
    string Engine,
    IReadOnlyList<Segment> Segments,
    IReadOnlyList<CodeSuggestion> Suggestions,
    string? EngineVersion = null);
