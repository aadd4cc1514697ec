using Microsoft.Extensions.Options;
using Workflow.Domain.Coding;
using Workflow.Engines.Local.Coding;

namespace Workflow.Engines.Local.Tests.Coding;

/// <summary>
/// What counts as evidence: phrases over the single words inside them, very common words weak alone,
/// idioms, negation and names not counted; and the evidence span still points at the words that count.
/// </summary>
public class KeywordEvidenceRulesTests
{
    private static Codebook Book(params CodebookEntry[] codes) =>
        new("study", 1, "test", [new("t", null, 1, "Theme", "d"), .. codes], DateTimeOffset.UnixEpoch);

    private static CodebookEntry Code(string id, params string[] keywords) => new(id, "t", 2, id, "d", Keywords: keywords);

    private static async Task<IReadOnlyList<CodeSuggestion>> Suggest(Codebook book, string text) =>
        await new KeywordCodingEngine(Options.Create(new KeywordCodingOptions { UseNameWords = false }))
            .SuggestAsync([new Segment("s1", 0, 0, text.Length, "Participant", text, true)], book, CancellationToken.None);

    private static async Task<CodeSuggestion> Single(Codebook book, string text)
    {
        var suggestion = Assert.Single(await Suggest(book, text));
        Assert.Equal(suggestion.Evidence.Text, text[suggestion.Evidence.Start..suggestion.Evidence.End]);
        return suggestion;
    }

    [Fact]
    public async Task SuggestAsync_PhraseOfOneCode_HidesAnotherCodesWordInsideIt()
    {
        var book = Book(Code("board", "board"), Code("abstainer", "not on the board"));

        var suggestion = await Single(book, "Users are not on the board here.");

        Assert.Equal(("abstainer", "not on the board"), (suggestion.CodeId, suggestion.Evidence.Text));
    }

    [Fact]
    public async Task SuggestAsync_Phrase_WeighsMoreThanASingleWord()
    {
        var book = Book(Code("c", "forum", "user group"));

        var word = await Single(book, "I went to the forum.");
        var phrase = await Single(book, "I went to the user group.");

        Assert.True(phrase.Confidence > word.Confidence);
    }

    [Theory]
    [InlineData("rights", "It's right there, right?")]
    [InlineData("time", "Time, time, it takes time.")]
    [InlineData("people", "The people there were people like me.")]
    public async Task SuggestAsync_VeryCommonWordAlone_IsNotEnough(string keyword, string text)
    {
        Assert.Empty(await Suggest(Book(Code("c", keyword)), text));
    }

    [Fact]
    public async Task SuggestAsync_VeryCommonWord_StillAddsToOtherEvidence()
    {
        var book = Book(Code("c", "time", "childcare"));

        var alone = await Single(book, "There was no bus, and childcare was hard.");
        var withTime = await Single(book, "It takes time, and childcare was hard.");

        Assert.Equal("childcare", withTime.Evidence.Text);
        Assert.True(withTime.Confidence > alone.Confidence);
    }

    [Fact]
    public async Task SuggestAsync_KeywordInItsLessCommonForm_CountsInFull()
    {
        var suggestion = await Single(Book(Code("c", "right")), "We have rights as patients.");

        Assert.Equal("rights", suggestion.Evidence.Text);
    }

    [Theory]
    [InlineData("course", "Of course", "a course")]
    [InlineData("right", "That's right", "the right")]
    [InlineData("rights", "I'm busy right now", "our rights")]
    [InlineData("time", "At the time", "little spare time")]
    [InlineData("time", "Every time", "the time")]
    public async Task SuggestAsync_KeywordInsideAnEverydayIdiom_AddsNothing(string keyword, string idiom, string literal)
    {
        var book = Book(Code("c", keyword, "childcare"));

        var without = await Single(book, "Childcare was hard.");
        var inIdiom = await Single(book, $"{idiom}, childcare was hard.");
        var asItself = await Single(book, $"There was {literal}, childcare was hard.");

        Assert.Equal(without.Confidence, inIdiom.Confidence);
        Assert.True(asItself.Confidence > without.Confidence);
    }

    [Fact]
    public async Task SuggestAsync_KeywordThatIsTheIdiomItself_StillCounts()
    {
        var suggestion = await Single(Book(Code("c", "at the end of the day")), "At the end of the day it's our treatment.");

        Assert.Equal("At the end of the day", suggestion.Evidence.Text);
    }

    [Theory]
    [InlineData("I never went to the forum.")]
    [InlineData("We didn't have a forum there.")]
    [InlineData("There's nothing like a forum here.")]
    [InlineData("I did it without the forum.")]
    public async Task SuggestAsync_NegatedKeyword_IsNotEvidence(string text)
    {
        Assert.Empty(await Suggest(Book(Code("c", "forum")), text));
    }

    [Theory]
    [InlineData("I'm not sure, but the forum helped.")]
    [InlineData("Not me. The forum helped.")]
    [InlineData("Not only the forum but the panel too.")]
    [InlineData("I don't know why, to be fair to them, the forum helped.")]
    public async Task SuggestAsync_KeywordOutsideTheNegationsReach_Counts(string text)
    {
        var suggestion = await Single(Book(Code("c", "forum")), text);

        Assert.Equal("forum", suggestion.Evidence.Text);
    }

    [Fact]
    public async Task SuggestAsync_NegatedFirstAndAffirmedLater_GivesTheAffirmedOneAsEvidence()
    {
        const string text = "I never went to the forum then. Now the forum is my life.";

        var suggestion = await Single(Book(Code("c", "forum")), text);

        Assert.Equal(text.LastIndexOf("forum", StringComparison.Ordinal), suggestion.Evidence.Start);
    }

    [Theory]
    [InlineData("never been asked", "I've never been asked, not once.")]
    [InlineData("no say", "We never had no say in it.")]
    public async Task SuggestAsync_KeywordThatIsItselfNegative_CountsEvenAfterAnotherNegation(string keyword, string text)
    {
        var suggestion = await Single(Book(Code("c", keyword)), text);

        Assert.Equal(keyword, suggestion.Evidence.Text);
    }

    [Theory]
    [InlineData("I went to Croydon College for a bit.")]
    [InlineData("She's at Parkside College now.")]
    public async Task SuggestAsync_LowercaseKeywordInsideAName_DoesNotCount(string text)
    {
        Assert.Empty(await Suggest(Book(Code("c", "college")), text));
    }

    [Fact]
    public async Task SuggestAsync_SameWordOutsideAName_Counts()
    {
        var suggestion = await Single(Book(Code("c", "college")), "College was the making of me, I did college two years.");

        Assert.Equal("College", suggestion.Evidence.Text);
    }

    [Fact]
    public async Task SuggestAsync_KeywordWrittenWithCapitals_MatchesTheName()
    {
        var suggestion = await Single(Book(Code("c", "Home Office")), "It all comes from the Home Office, targets.");

        Assert.Equal("Home Office", suggestion.Evidence.Text);
    }

    [Theory]
    [InlineData("person", "I told [PERSON_3] about it.")]
    [InlineData("organisation", "They sent me to [ORGANIZATION_2]'s office.")]
    [InlineData("hope", "We met at [Hope House] on Fridays.")]
    [InlineData("person", "I told PERSON_3 about it.")]
    public async Task SuggestAsync_WordsOfPseudonymLabels_NeverCount(string keyword, string text)
    {
        Assert.Empty(await Suggest(Book(Code("c", keyword)), text));
    }
}
