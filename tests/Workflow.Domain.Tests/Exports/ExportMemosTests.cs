using Workflow.Domain.Coding;
using Workflow.Domain.Exports;
using Workflow.Domain.Results;
using Workflow.Domain.Transcripts;
using Workflow.Domain.Verification;
using Xunit;

namespace Workflow.Domain.Tests.Exports;

public sealed class ExportMemosTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly FinalTranscript Final = new("rec-1", "s1", 2, 1, [Utterance.Untimed(0, "P1", "text")], [],
        [new CodedSegment("seg-1", 0, 0, 4, "P1", [Applied("c-a"), Applied("c-b")]), new CodedSegment("seg-2", 0, 0, 4, "P1", [Applied("c-a")])], T0);

    private static AppliedCode Applied(string code) => new(code, code, CodeOrigin.Accepted, "coder", null);

    private static VerificationItem Item(string segment, string code, DecisionAction action, string? note, int codebookVersion = 2, IReadOnlyList<string>? edited = null,
        VerificationItemStatus status = VerificationItemStatus.Decided) =>
        new($"s1~rec-1~{segment}-{code}", "s1", "rec-1", VerificationItemKind.CodeSuggestion, "context", null, null,
            new CodeSuggestion(segment, code, 0.5, new EvidenceSpan(0, 4, "text"), "test", codebookVersion), status, null, null,
            new VerificationDecision(action, edited, note, "ann", T0), T0);

    [Fact]
    public void NotesOnAppliedCodesBecomeMemos_AnEditsNoteGoesWithEachChosenCode()
    {
        var memos = ExportMemos.Of(Final, [
            Item("seg-1", "c-a", DecisionAction.Accept, "  clear case  "),
            Item("seg-2", "c-x", DecisionAction.Edit, "not x: a", edited: ["c-a"]),
        ]);

        Assert.Equal([("seg-1", "c-a", "clear case"), ("seg-2", "c-a", "not x: a")], memos.Select(m => (m.SegmentId, m.CodeId, m.Text)));
        Assert.All(memos, m => Assert.Equal("ann", m.Author));
    }

    [Fact]
    public void NotesThatHangOnNoAppliedCode_StayOut()
    {
        var memos = ExportMemos.Of(Final, [
            Item("seg-1", "c-b", DecisionAction.Reject, "rejected, so no coded segment"),
            Item("seg-1", "c-a", DecisionAction.Accept, "an older codebook's decision", codebookVersion: 1),
            Item("seg-2", "c-b", DecisionAction.Accept, "c-b is not on seg-2 in the final transcript"),
            Item("seg-1", "c-a", DecisionAction.Accept, "   "),
            Item("seg-1", "c-a", DecisionAction.Accept, null),
            Item("seg-1", "c-a", DecisionAction.Accept, "superseded", status: VerificationItemStatus.Superseded),
        ]);

        Assert.Empty(memos);
    }
}
