using Workflow.Domain.Audit;

namespace Workflow.Domain.Tests.Audit;

public class AuditChainTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    internal static List<AuditEvent> Chain(string study, int count)
    {
        var events = new List<AuditEvent>();
        var head = AuditHead.Empty;
        for (var i = 0; i < count; i++)
        {
            var e = AuditChain.Next(study, head, new AuditEntry($"lead-{i % 2}", (AuditAction)(i % 9), $"rec-{i:D3}",
                new Dictionary<string, string> { ["version"] = i.ToString(), ["kind"] = "Transcript" }), T0.AddMinutes(i));
            events.Add(e);
            head = new AuditHead(e.Sequence, e.Hash);
        }
        return events;
    }

    [Fact]
    public void Next_FirstEvent_IsNumberOneAndFollowsTheGenesisHash()
    {
        var e = AuditChain.Next("study-a", AuditHead.Empty, new AuditEntry("lead-1", AuditAction.StudyCreated, "study-a"), T0);

        Assert.Equal(1, e.Sequence);
        Assert.Equal(AuditChain.Genesis, e.PreviousHash);
        Assert.Matches("^[0-9a-f]{64}$", e.Hash);
        Assert.Equal(AuditChain.HashOf(e), e.Hash);
    }

    [Fact]
    public void Next_LaterEvent_LinksToThePreviousHash()
    {
        var chain = Chain("study-a", 3);

        Assert.Equal([1L, 2L, 3L], chain.Select(e => e.Sequence));
        Assert.Equal(chain[0].Hash, chain[1].PreviousHash);
        Assert.Equal(chain[1].Hash, chain[2].PreviousHash);
        Assert.Equal(3, chain.Select(e => e.Hash).Distinct().Count());
    }

    [Fact]
    public void HashOf_DetailsInAnyOrder_GiveTheSameHash()
    {
        var e = Chain("study-a", 1)[0];
        var reordered = e with { Details = new Dictionary<string, string> { ["kind"] = "Transcript", ["version"] = "0" } };

        Assert.Equal(AuditChain.HashOf(e), AuditChain.HashOf(reordered));
    }

    [Fact]
    public void HashOf_SameInstantInAnotherOffset_GivesTheSameHash()
    {
        var e = Chain("study-a", 1)[0];

        Assert.Equal(AuditChain.HashOf(e), AuditChain.HashOf(e with { At = e.At.ToOffset(TimeSpan.FromHours(1)) }));
    }

    [Fact]
    public void HashOf_ValuesShiftedBetweenFields_GiveDifferentHashes()
    {
        // Length-prefixed fields: "ab" + "c" is not "a" + "bc".
        var e = Chain("study-a", 1)[0];

        Assert.NotEqual(AuditChain.HashOf(e with { Actor = "ab", TargetId = "c" }), AuditChain.HashOf(e with { Actor = "a", TargetId = "bc" }));
    }

    [Fact]
    public void HashOf_EveryFieldChanged_ChangesTheHash()
    {
        var e = Chain("study-a", 1)[0];
        AuditEvent[] changed =
        [
            e with { StudyId = "study-b" },
            e with { Sequence = 2 },
            e with { At = e.At.AddTicks(1) },
            e with { Actor = "lead-9" },
            e with { Action = AuditAction.RedactionKeyRead },
            e with { TargetId = "rec-999" },
            e with { Details = new Dictionary<string, string> { ["version"] = "1", ["kind"] = "Transcript" } },
            e with { Details = new Dictionary<string, string> { ["version"] = "0" } },
            e with { PreviousHash = new string('1', 64) },
        ];

        Assert.All(changed, c => Assert.NotEqual(e.Hash, AuditChain.HashOf(c)));
    }

    [Theory]
    [InlineData("darren interview.wav")]
    [InlineData("Darren said he was at the hostel")]
    [InlineData("")]
    [InlineData("a/b")]
    public void Next_DetailValueThatIsNotAToken_IsRefused(string value)
    {
        var entry = new AuditEntry("lead-1", AuditAction.UploadAccepted, "rec-1", new Dictionary<string, string> { ["file"] = value });

        var error = Assert.Throws<ArgumentException>(() => AuditChain.Next("study-a", AuditHead.Empty, entry, T0));
        // The refusal names the detail, never its value (which may be the very text to keep out).
        if (value.Length > 0) Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
        Assert.Contains("'file'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_TooManyDetailsOrABadKey_IsRefused()
    {
        var many = Enumerable.Range(0, AuditDetails.MaxEntries + 1).ToDictionary(i => $"k{i}", i => "1");

        Assert.Throws<ArgumentException>(() => AuditChain.Next("s1", AuditHead.Empty, new AuditEntry("lead", AuditAction.Exported, "x", many), T0));
        Assert.Throws<ArgumentException>(() => AuditChain.Next("s1", AuditHead.Empty,
            new AuditEntry("lead", AuditAction.Exported, "x", new Dictionary<string, string> { ["Bad Key"] = "1" }), T0));
        Assert.Throws<ArgumentException>(() => AuditChain.Next("s1", AuditHead.Empty, new AuditEntry("two\nlines", AuditAction.Exported, "x"), T0));
    }
}
