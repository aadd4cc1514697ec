using System.Diagnostics;
using Microsoft.Extensions.Options;
using Workflow.Domain.Coding;
using Workflow.Engines.Local.Coding;

namespace Workflow.Engines.Local.Tests.Coding;

public class KeywordCodingEngineTests
{
    private static readonly CodebookEntry Theme = new("t", null, 1, "Theme", "d", Keywords: ["forum"]);

    private static Codebook Book(params CodebookEntry[] codes) =>
        new("study", 4, "test", [Theme, .. codes], DateTimeOffset.UnixEpoch);

    private static CodebookEntry Code(string id, params string[] keywords) => new(id, "t", 2, id, "d", Keywords: keywords);

    private static Segment Turn(string text, string id = "s1", bool codable = true) =>
        new(id, 0, 0, text.Length, codable ? "Participant" : "Interviewer", text, codable);

    private static KeywordCodingEngine Engine(KeywordCodingOptions? options = null) =>
        new(Options.Create(options ?? new KeywordCodingOptions { UseNameWords = false }));

    private static async Task<IReadOnlyList<CodeSuggestion>> Suggest(Codebook book, params Segment[] segments) =>
        await Engine().SuggestAsync(segments, book, CancellationToken.None);

    [Theory]
    [InlineData("involvement", "I got involved last year.")]
    [InlineData("involved", "Involving people is the whole point.")]
    [InlineData("organise", "The organization never asked.")]
    [InlineData("organisation", "They organized a meeting.")]
    [InlineData("centre", "down at the drop-in center")]
    [InlineData("behaviour", "their behavior changed")]
    [InlineData("travelled", "we traveled by coach")]
    [InlineData("box", "you tick the boxes")]
    [InlineData("community", "the communities round here")]
    [InlineData("crèche", "they had a creche")]
    [InlineData("sceptic", "the manager was skeptical")]
    [InlineData("user group", "the user groups meet on Thursdays")]
    [InlineData("pick-up", "daily pick up at the chemist")]
    [InlineData("nobody's in charge", "Nobody’s in charge of it.")]
    [InlineData("stopped", "they stop your script")]
    [InlineData("participation", "I participate when I can")]
    public async Task SuggestAsync_InflectedOrOtherSpelling_StillMatches(string keyword, string text)
    {
        var suggestions = await Suggest(Book(Code("c", keyword)), Turn(text));

        Assert.Equal("c", Assert.Single(suggestions).CodeId);
    }

    [Theory]
    [InlineData("right", "a bright idea and a copyright notice")]
    [InlineData("NA", "Na, I never went, said Nathan")]
    [InlineData("person", "my keyworker [PERSON_3] said so")]
    [InlineData("location", "I live in [LOCATION_1] now")]
    [InlineData("laughs", "that's the one [laughs]")]
    [InlineData("have to", "I have. To be honest, no.")]
    [InlineData("the law", "the lawyer came")]
    [InlineData("court", "just common courtesy")]
    public async Task SuggestAsync_PartialWordsLabelsOrBrokenPhrases_DoNotMatch(string keyword, string text)
    {
        Assert.Empty(await Suggest(Book(Code("c", keyword)), Turn(text)));
    }

    [Fact]
    public async Task SuggestAsync_AcronymInCapitals_MatchesOnlyInCapitals()
    {
        var suggestions = await Suggest(Book(Code("c", "NA")), Turn("I go to NA meetings", "a"), Turn("na, not me", "b"));

        Assert.Equal("a", Assert.Single(suggestions).SegmentId);
    }

    [Fact]
    public async Task SuggestAsync_Hit_GivesEvidenceWithOffsetsIntoTheSegmentText()
    {
        const string text = "Well [PERSON_1] said we had to, it was in the contract, you see.";

        var suggestion = Assert.Single(await Suggest(Book(Code("c", "contract", "in the contract")), Turn(text)));

        Assert.Equal("in the contract", suggestion.Evidence.Text);
        Assert.Equal(suggestion.Evidence.Text, text[suggestion.Evidence.Start..suggestion.Evidence.End]);
    }

    [Fact]
    public async Task SuggestAsync_Suggestions_RecordEngineVersionAndConfidenceBetweenZeroAndOne()
    {
        var suggestion = Assert.Single(await Suggest(Book(Code("c", "voucher", "tenner", "free lunch", "paid")),
            Turn("They paid us, a tenner in vouchers and a free lunch, paid every time.")));

        Assert.Equal(("keywords", 4, "s1"), (suggestion.Engine, suggestion.CodebookVersion, suggestion.SegmentId));
        Assert.Equal(KeywordCodingEngine.EngineVersion, suggestion.EngineVersion);
        Assert.InRange(suggestion.Confidence, 0.5, 0.99);
    }

    [Fact]
    public async Task SuggestAsync_MoreDistinctHits_GiveHigherConfidence()
    {
        var book = Book(Code("c", "voucher", "tenner", "free lunch"));

        var one = Assert.Single(await Suggest(book, Turn("a voucher, a voucher, another voucher")));
        var three = Assert.Single(await Suggest(book, Turn("a voucher, a tenner and a free lunch")));

        Assert.True(three.Confidence > one.Confidence);
    }

    [Fact]
    public async Task SuggestAsync_ManyCodesHit_ProposesAtMostTheConfiguredNumberBestFirst()
    {
        var book = Book(Code("a", "alpha"), Code("b", "bravo", "bravo two"), Code("c", "charlie"), Code("d", "delta", "delta force", "delta wing"));
        var engine = Engine(new KeywordCodingOptions { UseNameWords = false, MaxCodesPerSegment = 2, MinShareOfTopScore = 0 });

        var suggestions = await engine.SuggestAsync([Turn("alpha, bravo two, charlie, delta force and delta wing")], book, CancellationToken.None);

        Assert.Equal(["d", "b"], suggestions.Select(s => s.CodeId));
    }

    [Fact]
    public async Task SuggestAsync_WeakSecondCode_IsDroppedNextToAStrongFirst()
    {
        var book = Book(Code("strong", "free lunch", "twenty quid", "vouchers"), Code("weak", "money"));

        var suggestions = await Suggest(book, Turn("Free lunch, twenty quid in vouchers, easy money."));

        Assert.Equal("strong", Assert.Single(suggestions).CodeId);
    }

    [Fact]
    public async Task SuggestAsync_KeywordItsThemeAlsoLists_IsNotEnoughAlone()
    {
        var book = Book(Code("c", "forum", "committee"));

        Assert.Empty(await Suggest(book, Turn("There is a forum on Tuesdays.")));
        Assert.Single(await Suggest(book, Turn("I sit on the committee that runs the forum.")));
    }

    [Fact]
    public async Task SuggestAsync_InterviewerTurnsAndThemes_AreNeverCoded()
    {
        var suggestions = await Suggest(Book(Code("c", "forum")), Turn("Tell me about the forum", codable: false), Turn("The forum, the forum."));

        Assert.Empty(suggestions);
    }

    [Fact]
    public async Task SuggestAsync_NameWordsOption_CountsTheCodeNameAsWeakEvidence()
    {
        var book = Book(new CodebookEntry("c", "t", 2, "Stigma and prejudice", "d", Keywords: ["junkie"]));
        var engine = Engine(new KeywordCodingOptions { UseNameWords = true });

        var suggestions = await engine.SuggestAsync([Turn("It's stigma, plain prejudice.")], book, CancellationToken.None);

        Assert.Equal("c", Assert.Single(suggestions).CodeId);
    }

    [Fact]
    public async Task SuggestAsync_QuotedCriteriaOption_UsesPhrasesQuotedInTheInclusionCriteria()
    {
        var code = new CodebookEntry("c", "t", 2, "Rights", "d", "Entitlement language ('it's our treatment', 'we've got a right').", Keywords: ["entitled"]);

        var suggestions = await Suggest(Book(code), Turn("At the end of the day it's our treatment, isn't it?"));

        Assert.Equal("it's our treatment", Assert.Single(suggestions).Evidence.Text);
    }

    [Fact]
    public async Task SuggestAsync_SameVersionKeyWithChangedKeywords_UsesTheNewKeywords()
    {
        var engine = Engine();
        var segment = Turn("They gave us vouchers.");

        var before = await engine.SuggestAsync([segment], Book(Code("c", "tenner")), CancellationToken.None);
        var after = await engine.SuggestAsync([segment], Book(Code("c", "vouchers")), CancellationToken.None);

        Assert.Empty(before);
        Assert.Single(after);
    }

    [Fact]
    public async Task SuggestAsync_CancelledToken_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Engine().SuggestAsync([Turn("x y z")], Book(Code("c", "x")), cts.Token));
    }

    [Fact]
    public async Task SuggestAsync_ThousandSegmentsAgainstThirtyFiveCodes_CodesEverySegment()
    {
        var codes = Enumerable.Range(0, 35).Select(i => Code($"c{i}", $"word{i}", $"phrase number {i}", "shared keyword", $"other{i}s")).ToArray();
        var book = Book(codes);
        const string text = "I went to the group and we talked about the phrase number 7 and word12, then other30s; " +
                            "the keyworker [PERSON_2] said it was fine, a shared keyword or two, nothing much else to say really.";
        var segments = Enumerable.Range(0, 1000).Select(i => Turn(text, $"s{i}")).ToArray();
        var engine = Engine();

        // Speed is a benchmark's business, not a unit test's: this checks the large case is coded fully.
        var suggestions = await engine.SuggestAsync(segments, book, CancellationToken.None);

        Assert.Equal(3000, suggestions.Count);
        Assert.All(suggestions.GroupBy(s => s.SegmentId), g => Assert.Equal(3, g.Count()));
    }

    [Theory]
    [InlineData(-0.1, 3, 1.0)]
    [InlineData(1.0, 3, 1.0)]
    [InlineData(0.5, 0, 1.0)]
    [InlineData(0.5, 3, 0.0)]
    public void Constructor_OutOfRangeOptions_Throws(double minConfidence, int maxCodes, double saturation) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Engine(new KeywordCodingOptions
        {
            MinConfidence = minConfidence, MaxCodesPerSegment = maxCodes, Saturation = saturation,
        }));
}
