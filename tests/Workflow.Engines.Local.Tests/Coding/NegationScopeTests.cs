using Workflow.Engines.Local.Coding;

namespace Workflow.Engines.Local.Tests.Coding;

public class NegationScopeTests
{
    /// <summary>The words of <paramref name="text"/> that a negation reaches, in order.</summary>
    private static string[] Reached(string text)
    {
        var tokens = TextTokenizer.Tokenize(text);
        var negated = NegationScope.Of(tokens);
        return tokens.Where((_, i) => negated[i]).Select(t => t.Word).ToArray();
    }

    [Theory]
    [InlineData("I never went to the forum", "went to the forum")]
    [InlineData("they did not pay us", "pay us")]
    [InlineData("we didn't get vouchers", "get vouchers")]
    [InlineData("we didn’t get vouchers", "get vouchers")]
    [InlineData("there was no creche", "creche")]
    [InlineData("I went without the money", "the money")]
    [InlineData("nothing about training", "about training")]
    [InlineData("nobody told me", "told me")]
    public void Of_WordsAfterANegationInItsClause_AreReached(string text, string reached)
    {
        Assert.Equal(reached.Split(' '), Reached(text));
    }

    [Theory]
    [InlineData("I did not, the forum was good", "")]
    [InlineData("it is not much, but the forum helps", "much")]
    [InlineData("I wasn't there because the forum was full", "there")]
    [InlineData("not really sure what to say about the forum", "really sure what to say")]
    public void Of_Reach_EndsAtPunctuationClauseWordsOrAfterFiveWords(string text, string reached)
    {
        Assert.Equal(reached.Length == 0 ? [] : reached.Split(' '), Reached(text));
    }

    [Theory]
    [InlineData("not only the money but the people")]
    [InlineData("no doubt the forum helps")]
    [InlineData("never mind the forum")]
    [InlineData("I went to the forum and nothing.")]
    public void Of_PseudoNegationsOrNegationAfterTheWord_ReachNothingBeforeOrAfter(string text)
    {
        Assert.DoesNotContain("forum", Reached(text));
        Assert.DoesNotContain("money", Reached(text));
    }

    [Fact]
    public void Of_ALabelBetween_DoesNotEndTheClause()
    {
        Assert.Equal(["told", "about", "forum"], Reached("never told [PERSON_2] about forum"));
    }

    [Theory]
    [InlineData("not", true)]
    [InlineData("dont", true)]
    [InlineData("never", true)]
    [InlineData("know", false)]
    public void IsNegator_KnowsTheNegatingWords(string word, bool expected)
    {
        Assert.Equal(expected, NegationScope.IsNegator(WordStemmer.Stem(word)));
    }
}
