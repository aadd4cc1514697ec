namespace Workflow.Domain.Results;

/// <summary>A segment of the final transcript with its verified codes (offsets into the final utterance text).</summary>
public sealed record CodedSegment(string Id, int UtteranceIndex, int Start, int End, string Speaker, IReadOnlyList<AppliedCode> Codes);
