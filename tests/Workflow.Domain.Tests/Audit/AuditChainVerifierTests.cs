using Workflow.Domain.Audit;
using static Workflow.Domain.Tests.Audit.AuditChainTests;

namespace Workflow.Domain.Tests.Audit;

/// <summary>Each kind of tampering is caught, at the first event it touches.</summary>
public class AuditChainVerifierTests
{
    private const string Study = "study-a";

    private static AuditHead HeadOf(List<AuditEvent> chain) => new(chain[^1].Sequence, chain[^1].Hash);

    [Fact]
    public void Verify_UntouchedChain_IsIntact()
    {
        var chain = Chain(Study, 10);

        var result = AuditChainVerifier.Verify(Study, chain, HeadOf(chain));

        Assert.True(result.Intact, result.Problem);
        Assert.Equal(10, result.EventsChecked);
        Assert.Null(result.BrokenAt);
        Assert.Equal(HeadOf(chain), result.LastGood);
    }

    [Fact]
    public void Verify_EmptyChainWithEmptyHead_IsIntact() =>
        Assert.True(AuditChainVerifier.Verify(Study, [], AuditHead.Empty).Intact);

    [Fact]
    public void Verify_EditedDetail_BreaksAtTheEditedEvent()
    {
        var chain = Chain(Study, 10);
        chain[4] = chain[4] with { Details = new Dictionary<string, string> { ["version"] = "99", ["kind"] = "Transcript" } };

        var result = AuditChainVerifier.Verify(Study, chain, HeadOf(chain));

        Assert.False(result.Intact);
        Assert.Equal(5, result.BrokenAt);
        Assert.Equal(4, result.EventsChecked);
        Assert.Contains("changed", result.Problem);
    }

    [Fact]
    public void Verify_EditedActorWithItsHashRecomputed_BreaksAtTheNextEvent()
    {
        // Whoever edits an event and fixes its own hash still breaks the link the next event holds.
        var chain = Chain(Study, 10);
        var forged = chain[4] with { Actor = "someone-else" };
        chain[4] = forged with { Hash = AuditChain.HashOf(forged) };

        var result = AuditChainVerifier.Verify(Study, chain, HeadOf(chain));

        Assert.False(result.Intact);
        Assert.Equal(6, result.BrokenAt);
        Assert.Contains("does not follow", result.Problem);
    }

    [Fact]
    public void Verify_DeletedEvent_BreaksWhereItWas()
    {
        var chain = Chain(Study, 10);
        chain.RemoveAt(3);

        var result = AuditChainVerifier.Verify(Study, chain, HeadOf(chain));

        Assert.False(result.Intact);
        Assert.Equal(4, result.BrokenAt);
        Assert.Contains("removed, inserted or reordered", result.Problem);
    }

    [Fact]
    public void Verify_LastEventsDeleted_AreCaughtByTheRecordedHead()
    {
        var chain = Chain(Study, 10);
        var head = HeadOf(chain);

        var result = AuditChainVerifier.Verify(Study, chain.Take(8), head);

        Assert.False(result.Intact);
        Assert.Equal(9, result.BrokenAt);
        Assert.Contains("removed from the end", result.Problem);
    }

    [Fact]
    public void Verify_SwappedEvents_BreakAtTheFirstOfThem()
    {
        var chain = Chain(Study, 10);
        (chain[6], chain[7]) = (chain[7], chain[6]);

        var result = AuditChainVerifier.Verify(Study, chain, HeadOf(chain));

        Assert.False(result.Intact);
        Assert.Equal(7, result.BrokenAt);
    }

    [Fact]
    public void Verify_InsertedEventRenumberedToFit_BreaksAtTheInsertion()
    {
        // A forger inserts an event after 5 and renumbers the rest; the old 6 no longer follows the new 6.
        var chain = Chain(Study, 10);
        var inserted = AuditChain.Next(Study, new AuditHead(chain[4].Sequence, chain[4].Hash),
            new AuditEntry("lead-0", AuditAction.Exported, "rec-forged"), chain[4].At.AddSeconds(1));
        var tampered = chain.Take(5).Append(inserted).Concat(chain.Skip(5).Select(e => e with { Sequence = e.Sequence + 1 })).ToList();

        var result = AuditChainVerifier.Verify(Study, tampered, new AuditHead(11, tampered[^1].Hash));

        Assert.False(result.Intact);
        Assert.Equal(7, result.BrokenAt);
    }

    [Fact]
    public void Verify_WholeChainRecomputedAfterAnEdit_IsCaughtByAnAnchorWrittenDownBefore()
    {
        var chain = Chain(Study, 10);
        var anchor = new AuditHead(chain[7].Sequence, chain[7].Hash);
        // Rebuild every event from 3 on with a changed target, as someone with write access could.
        var rebuilt = chain.Take(2).ToList();
        foreach (var e in chain.Skip(2))
        {
            var previous = rebuilt[^1];
            var entry = new AuditEntry(e.Actor, e.Action, e.Sequence == 3 ? "rec-hidden" : e.TargetId, e.Details);
            rebuilt.Add(AuditChain.Next(Study, new AuditHead(previous.Sequence, previous.Hash), entry, e.At));
        }

        Assert.True(AuditChainVerifier.Verify(Study, rebuilt, HeadOf(rebuilt)).Intact);
        var anchored = AuditChainVerifier.Verify(Study, rebuilt, HeadOf(rebuilt), anchor);
        Assert.False(anchored.Intact);
        Assert.Equal(8, anchored.BrokenAt);
        Assert.Contains("anchor", anchored.Problem);
    }

    [Fact]
    public void Verify_AnchorBeyondTheEnd_IsNotIntact()
    {
        var chain = Chain(Study, 5);

        var result = AuditChainVerifier.Verify(Study, chain, HeadOf(chain), new AuditHead(9, new string('a', 64)));

        Assert.False(result.Intact);
        Assert.Contains("before the anchor", result.Problem);
    }

    [Fact]
    public void Verify_EventOfAnotherStudy_IsNotIntact()
    {
        var chain = Chain(Study, 3);

        var result = AuditChainVerifier.Verify("study-b", chain);

        Assert.False(result.Intact);
        Assert.Equal(1, result.BrokenAt);
    }
}
