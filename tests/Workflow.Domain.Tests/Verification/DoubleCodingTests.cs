using Workflow.Domain.Coding;
using Workflow.Domain.Verification;

namespace Workflow.Domain.Tests.Verification;

public class DoubleCodingTests
{
    private static readonly DateTimeOffset Then = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    internal static VerificationItem Proposal(string segment, string code, string recording = "rec") => new(
        $"s~{recording}~c1-{segment}-{code}", "s", recording, VerificationItemKind.CodeSuggestion, "I waited six weeks for a script", null, null,
        new CodeSuggestion(segment, code, 0.6, new EvidenceSpan(2, 8, "waited"), "keywords", 1),
        VerificationItemStatus.Pending, null, null, null, Then);

    [Fact]
    public void NoShare_DrawsNothing_AndAFullShare_DrawsEverySegment()
    {
        Assert.False(DoubleCoding.IsDrawn("rec", "0.1", 0));
        Assert.True(DoubleCoding.IsDrawn("rec", "0.1", 1));
        var items = new[] { Proposal("0.1", "c-a"), Proposal("0.2", "c-b") };
        Assert.Equal(items, DoubleCoding.Apply(items, 0));
        Assert.Equal(4, DoubleCoding.Apply(items, 1).Count());
    }

    [Fact]
    public void TheDraw_IsStable_AndItsShareIsCloseToTheOneAskedFor()
    {
        var segments = Enumerable.Range(0, 10_000).Select(i => $"{i / 10}.{i % 10}").ToList();
        var drawn = segments.Count(s => DoubleCoding.IsDrawn("interview-7", s, 0.2));
        // Binomial(10,000, 0.2) has a standard deviation of 40: 1,850..2,150 is almost four of them.
        Assert.InRange(drawn, 1_850, 2_150);
        Assert.Equal(drawn, segments.Count(s => DoubleCoding.IsDrawn("interview-7", s, 0.2)));
        // Another recording draws other segments: the draw is not the same pattern in every file.
        Assert.NotEqual(segments.Where(s => DoubleCoding.IsDrawn("interview-7", s, 0.2)), segments.Where(s => DoubleCoding.IsDrawn("interview-8", s, 0.2)));
    }

    [Fact]
    public void EveryProposalOfADrawnSegment_GetsASecondCoding_AndTheTwoNameEachOther()
    {
        var items = new[] { Proposal("0.1", "c-a"), Proposal("0.1", "c-b") };

        var doubled = DoubleCoding.Apply(items, 1).ToList();

        Assert.Equal(4, doubled.Count);
        foreach (var first in doubled.Where(i => i.Kind == VerificationItemKind.CodeSuggestion))
        {
            var second = Assert.Single(doubled, i => i.Id == first.PairedWith);
            Assert.Equal(VerificationItemKind.SecondCoding, second.Kind);
            Assert.Equal(first.Id, second.PairedWith);
            Assert.Equal(first.Id + DoubleCoding.SecondSuffix, second.Id);
            Assert.Equal(first.Suggestion, second.Suggestion);
            Assert.Equal(first.Context, second.Context);
        }
    }

    [Fact]
    public void CodesApplied_FollowTheAction()
    {
        var at = Then;
        Assert.Equal(["c-a"], DoubleCoding.CodesApplied(new VerificationDecision(DecisionAction.Accept, null, null, "ann", at), "c-a"));
        Assert.Empty(DoubleCoding.CodesApplied(new VerificationDecision(DecisionAction.Reject, null, null, "ann", at), "c-a"));
        Assert.Equal(["c-b", "c-c"], DoubleCoding.CodesApplied(new VerificationDecision(DecisionAction.Edit, ["c-c", "c-b"], null, "ann", at), "c-a").Order());
    }
}
