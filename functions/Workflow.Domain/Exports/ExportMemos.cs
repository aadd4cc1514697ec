using Workflow.Domain.Results;
using Workflow.Domain.Verification;

namespace Workflow.Domain.Exports;

/// <summary>
/// Coders' notes on the codes a final transcript applies, as memos: one per note and applied code (an
/// edit's note belongs to each code the coder chose). Notes on rejected codes have no coded segment to
/// hang on and stay out, as do notes from decisions the final transcript does not rest on. Pure.
/// </summary>
public static class ExportMemos
{
    public static IReadOnlyList<CodingMemo> Of(FinalTranscript final, IEnumerable<VerificationItem> items)
    {
        var applied = final.Segments.SelectMany(s => s.Codes.Select(c => (s.Id, c.CodeId))).ToHashSet();
        var memos = new List<CodingMemo>();
        foreach (var item in items.Where(i => i is { Kind: VerificationItemKind.CodeSuggestion, Status: VerificationItemStatus.Decided, Suggestion: not null }))
        {
            if (item.Decision is not { Note: { } note } decision || string.IsNullOrWhiteSpace(note)) continue;
            if (item.Suggestion!.CodebookVersion != final.CodebookVersion) continue;
            var codes = decision.Action switch
            {
                DecisionAction.Accept => [item.Suggestion.CodeId],
                DecisionAction.Edit => decision.CodeIds ?? [],
                _ => [],
            };
            foreach (var code in codes.Distinct(StringComparer.Ordinal))
                if (applied.Contains((item.Suggestion.SegmentId, code)))
                    memos.Add(new CodingMemo(item.Suggestion.SegmentId, code, decision.DecidedBy, note.Trim()));
        }
        return memos;
    }
}
