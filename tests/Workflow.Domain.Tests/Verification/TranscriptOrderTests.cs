using Workflow.Domain.Coding;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Verification;

namespace Workflow.Domain.Tests.Verification;

public class TranscriptOrderTests
{
    private static readonly DateTimeOffset Then = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    private static VerificationItem Proposal(string recording, string segment, string code, int minutes = 0) => new(
        $"s~{recording}~c1-{segment}-{code}", "s", recording, VerificationItemKind.CodeSuggestion, "text", null, null,
        new CodeSuggestion(segment, code, 0.9, new EvidenceSpan(0, 4, "text"), "keywords", 1),
        VerificationItemStatus.Pending, null, null, null, Then.AddMinutes(minutes));

    private static VerificationItem RedactionAt(string recording, int turn, int start, int minutes = 0) => new(
        $"s~{recording}~r-{turn}-{start}", "s", recording, VerificationItemKind.Redaction, "text",
        new Redaction($"r{turn}-{start}", turn, start, start + 5, IdentifierKind.Person, "[PERSON_1]", 0.5, "names", true), "Hope",
        null, VerificationItemStatus.Pending, null, null, null, Then.AddMinutes(minutes));

    [Fact]
    public void Items_FollowTheTranscript_TurnByTurn_RedactionsBeforeCodes_AndTurnTenAfterTurnTwo()
    {
        var items = new[]
        {
            Proposal("rec", "10.0", "c-wait"),
            Proposal("rec", "2.1", "c-wait"),
            RedactionAt("rec", 2, 40),
            Proposal("rec", "2.0", "c-cost"),
            RedactionAt("rec", 2, 3),
            Proposal("rec", "2.0", "c-access"),
        };

        var ids = TranscriptOrder.Sort(items).Select(i => i.Id).ToList();

        Assert.Equal(["s~rec~r-2-3", "s~rec~r-2-40", "s~rec~c1-2.0-c-access", "s~rec~c1-2.0-c-cost", "s~rec~c1-2.1-c-wait", "s~rec~c1-10.0-c-wait"], ids);
    }

    [Fact]
    public void TheRecordingQueuedFirst_ComesFirst_AndAnItemWithoutAPlaceComesLast()
    {
        var late = Proposal("rec-b", "0.0", "c-wait", minutes: 5);
        var early = Proposal("rec-a-later-id", "7.0", "c-wait", minutes: 1);
        var odd = Proposal("rec-a-later-id", "not-a-place", "c-wait", minutes: 1);

        Assert.Equal([early.Id, odd.Id, late.Id], TranscriptOrder.Sort([late, odd, early]).Select(i => i.Id));
    }
}
