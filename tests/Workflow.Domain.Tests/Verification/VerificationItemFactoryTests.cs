using Workflow.Domain.Coding;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Transcripts;
using Workflow.Domain.Verification;

namespace Workflow.Domain.Tests.Verification;

public class VerificationItemFactoryTests
{
    private static readonly DateTimeOffset Now = new(2024, 3, 5, 10, 0, 0, TimeSpan.Zero);

    private const string First = "I met Hope at the centre with Dave Pickering.";
    private const string Second = "Then Hope rang me.";

    private static IdentifierFinding Person(int utterance, string text, string source, string key, double confidence, int from = 0)
    {
        var start = source.IndexOf(text, from, StringComparison.Ordinal);
        return new IdentifierFinding(utterance, start, start + text.Length, IdentifierKind.Person, text, key, confidence, "test");
    }

    // "Hope" is uncertain (a name or a word); "Dave Pickering" is certain.
    private static DeidentificationResult Deidentify() => Pseudonymizer.Apply(
        new Transcript("rec-1", "test", [Utterance.Untimed(0, "P017", First), Utterance.Untimed(1, "P017", Second)]),
        "study-a", 1,
        [Person(0, "Hope", First, "hope", 0.5), Person(0, "Dave Pickering", First, "dave", 0.99), Person(1, "Hope", Second, "hope", 0.5)],
        new PseudonymRegistry("study-a"), 0.9);

    private static string ItemId(string local) => "rec-1:" + local;

    [Fact]
    public void ForRedactions_OnlyRedactionsNeedingConfirmation_BecomeItems()
    {
        var result = Deidentify();

        var items = VerificationItemFactory.ForRedactions(result.Transcript, result.Key, ItemId, Now).ToList();

        Assert.Equal(3, result.Transcript.Redactions.Count);
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.True(i.Redaction!.NeedsConfirmation));
        Assert.All(items, i => Assert.Equal("[PERSON_1]", i.Redaction!.Label));
        // A coin-toss redaction ("Hope": 0.5) is as doubtful as an item can be, so it is offered first.
        Assert.All(items, i => Assert.Equal(DoubtPriority.MostDoubtful, i.Priority));
        Assert.DoesNotContain(items, i => i.Redaction!.Label == "[PERSON_2]");
    }

    [Fact]
    public void ForRedactions_Item_CarriesTheOriginalWordsAndDeidentifiedContext()
    {
        var result = Deidentify();

        var item = VerificationItemFactory.ForRedactions(result.Transcript, result.Key, ItemId, Now).First();

        Assert.Equal(VerificationItemKind.Redaction, item.Kind);
        Assert.Equal("Hope", item.OriginalText);
        Assert.Equal("I met [PERSON_1] at the centre with [PERSON_2].", item.Context);
        Assert.DoesNotContain("Pickering", item.Context);
        Assert.Equal("study-a", item.StudyId);
        Assert.Equal("rec-1", item.RecordingId);
        Assert.Equal(VerificationItemStatus.Pending, item.Status);
        Assert.Null(item.Suggestion);
        Assert.Equal(Now, item.CreatedAt);
    }

    [Fact]
    public void ForRedactions_BuiltTwice_GivesTheSameDistinctIds()
    {
        var result = Deidentify();

        var first = VerificationItemFactory.ForRedactions(result.Transcript, result.Key, ItemId, Now).Select(i => i.Id).ToList();
        var second = VerificationItemFactory.ForRedactions(Deidentify().Transcript, Deidentify().Key, ItemId, Now.AddHours(1)).Select(i => i.Id).ToList();

        Assert.Equal(first, second);
        Assert.Equal(first.Count, first.Distinct().Count());
        Assert.All(first, id => Assert.StartsWith("rec-1:r-", id));
    }

    [Fact]
    public void ForRedactions_KeyWithoutTheEntry_LeavesTheOriginalUnset()
    {
        var result = Deidentify();

        var items = VerificationItemFactory.ForRedactions(result.Transcript, [], ItemId, Now).ToList();

        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Null(i.OriginalText));
    }

    private static readonly Segment[] Segments =
    [
        new("s0", 0, 0, 10, "P017", "We talked about housing.", true),
        new("s1", 1, 0, 10, "P017", "Then the money ran out.", true),
    ];

    private static CodeSuggestion Suggest(string segmentId, string codeId, int version = 3) =>
        new(segmentId, codeId, 0.8, new EvidenceSpan(0, 4, "Then"), "keyword", version);

    [Fact]
    public void ForSuggestions_Item_CarriesTheSegmentTextAndSuggestion()
    {
        var suggestion = Suggest("s1", "c-money");

        var item = Assert.Single(VerificationItemFactory.ForSuggestions("study-a", "rec-1", Segments, [suggestion], ItemId, Now));

        Assert.Equal(VerificationItemKind.CodeSuggestion, item.Kind);
        Assert.Equal("Then the money ran out.", item.Context);
        Assert.Same(suggestion, item.Suggestion);
        Assert.Null(item.Redaction);
        Assert.Null(item.OriginalText);
        Assert.Equal("rec-1:c3-s1-c-money", item.Id);
    }

    [Fact]
    public void ForSuggestions_SuggestionForUnknownSegment_IsSkipped()
    {
        var items = VerificationItemFactory.ForSuggestions("study-a", "rec-1", Segments,
            [Suggest("s9", "c-money"), Suggest("s0", "c-housing")], ItemId, Now).ToList();

        Assert.Equal("s0", Assert.Single(items).Suggestion!.SegmentId);
    }

    [Fact]
    public void ForSuggestions_IdsAreDistinctPerSegmentCodeAndCodebookVersion()
    {
        var ids = VerificationItemFactory.ForSuggestions("study-a", "rec-1", Segments,
            [Suggest("s0", "c-a"), Suggest("s0", "c-b"), Suggest("s1", "c-a"), Suggest("s1", "c-a", version: 4)], ItemId, Now)
            .Select(i => i.Id).ToList();

        Assert.Equal(4, ids.Distinct().Count());
    }

    [Fact]
    public void ForSuggestionsAndForRedactions_IdsNeverCollide()
    {
        var result = Deidentify();
        var redactionIds = VerificationItemFactory.ForRedactions(result.Transcript, result.Key, ItemId, Now).Select(i => i.Id);
        var suggestionIds = VerificationItemFactory.ForSuggestions("study-a", "rec-1", Segments,
            [Suggest("s0", "c-a"), Suggest("s1", "c-a")], ItemId, Now).Select(i => i.Id);

        Assert.Empty(redactionIds.Intersect(suggestionIds));
        Assert.All(suggestionIds, id => Assert.StartsWith("rec-1:c", id));
    }

    [Fact]
    public void Excerpt_ShortText_IsTheWholeTextWithoutEllipses() =>
        Assert.Equal(First, VerificationItemFactory.Excerpt(First, 6, 10));

    [Fact]
    public void Excerpt_LongText_CutsAtWordBoundariesAndKeepsTheSpan()
    {
        var before = string.Join(' ', Enumerable.Range(0, 100).Select(i => $"word{i}"));
        var after = string.Join(' ', Enumerable.Range(100, 100).Select(i => $"word{i}"));
        var text = $"{before} [PERSON_1] {after}";
        var start = text.IndexOf("[PERSON_1]", StringComparison.Ordinal);
        var end = start + "[PERSON_1]".Length;

        var excerpt = VerificationItemFactory.Excerpt(text, start, end);

        Assert.StartsWith("… word", excerpt);
        Assert.EndsWith(" …", excerpt);
        Assert.Contains(" [PERSON_1] ", excerpt);
        var inner = excerpt[2..^2];
        Assert.Contains(inner, text);
        Assert.All(inner.Split(' '), w => Assert.Matches(@"^(word\d+|\[PERSON_1\])$", w));
        Assert.InRange(inner.Length, 200, 2 * 240 + end - start);
    }

    [Fact]
    public void Excerpt_SpanInsideAWord_KeepsTheWholeSpan()
    {
        var text = new string('x', 300) + " " + new string('y', 300);

        var excerpt = VerificationItemFactory.Excerpt(text, 250, 350);

        Assert.Contains(text[250..350], excerpt);
    }

    [Theory]
    [InlineData(300, 305)]
    [InlineData(0, 5)]
    [InlineData(595, 600)]
    public void Excerpt_TextWithoutSpaces_KeepsTheSpanWithoutFailing(int start, int end)
    {
        // A long unbroken token (a pasted URL, a language written without spaces) has no word boundary to cut at.
        var text = new string('a', 600);

        var excerpt = VerificationItemFactory.Excerpt(text, start, end);

        Assert.Contains(text[start..end], excerpt);
        Assert.True(excerpt.Replace("…", "").Trim().Length <= 2 * 240 + end - start);
    }
}
