using Workflow.Domain.Coding;
using Workflow.Domain.Verification;

namespace Workflow.Domain.Tests.Verification;

public class ClaimFilterTests
{
    private static VerificationItem Item(VerificationItemKind kind, string recording, string? code) =>
        new($"s~{recording}~x", "s", recording, kind, "context", null, null,
            code is null ? null : new CodeSuggestion("seg", code, 0.6, new EvidenceSpan(0, 3, "con"), "keywords", 1),
            VerificationItemStatus.Pending, null, null, null, DateTimeOffset.UnixEpoch);

    [Fact]
    public void EachPart_NarrowsTheMatch_AndAnEmptyFilterMatchesEverything()
    {
        var code = Item(VerificationItemKind.CodeSuggestion, "rec-1", "stigma");
        var redaction = Item(VerificationItemKind.Redaction, "rec-2", null);

        Assert.True(new ClaimFilter().IsEmpty);
        Assert.True(new ClaimFilter().Matches(code) && new ClaimFilter().Matches(redaction));
        Assert.Equal([false, true], new[] { code, redaction }.Select(new ClaimFilter(Kind: VerificationItemKind.Redaction).Matches));
        Assert.Equal([true, false], new[] { code, redaction }.Select(new ClaimFilter(RecordingId: "rec-1").Matches));
        Assert.Equal([true, false], new[] { code, redaction }.Select(new ClaimFilter(CodeId: "stigma").Matches));
        Assert.False(new ClaimFilter(CodeId: "STIGMA").Matches(code)); // ids are exact
        Assert.False(new ClaimFilter(VerificationItemKind.CodeSuggestion, "rec-2").Matches(code));
    }
}
