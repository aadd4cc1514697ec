namespace Workflow.Domain.Verification;

/// <summary>
/// What a re-run's coding rests on, for carrying decisions the engine did not propose again: the
/// codebook version, each segment's text by id, and how item ids are made.
/// </summary>
public sealed record CodingBasis(int CodebookVersion, IReadOnlyDictionary<string, string> SegmentTexts, Func<string, string> ItemId, DateTimeOffset Now);
