using Workflow.Domain.Coding;

namespace Workflow.Engines.Azure.OpenAI;

/// <summary>
/// What one answer yielded: the suggestions kept, and how many were dropped because their code is not a
/// level-2 code of the codebook, their segment was not in the batch, or their quotation is not in the
/// segment. The rationales are kept beside the suggestions, keyed by segment and code.
/// </summary>
internal sealed record CodingResponse(
    IReadOnlyList<CodeSuggestion> Suggestions,
    IReadOnlyDictionary<(string SegmentId, string CodeId), string> Rationales,
    int UnknownCodes,
    int UnknownSegments,
    int QuotesNotInText);
