using Workflow.Engines.Local.Coding;

namespace Workflow.Engines.Local.Tests.Coding;

public class NameWordsTests
{
    private static string[] InName(string text)
    {
        var tokens = TextTokenizer.Tokenize(text);
        var inName = NameWords.Of(tokens);
        return tokens.Where((_, i) => inName[i]).Select(t => text[t.Start..t.End]).ToArray();
    }

    [Theory]
    [InlineData("I went to Croydon College last year", "Croydon College")]
    [InlineData("we meet at Hope House on Fridays", "Hope House")]
    [InlineData("I saw Bridge Street Day Centre staff", "Bridge Street Day Centre")]
    public void Of_CapitalisedWordsInARowWithinASentence_AreAName(string text, string name)
    {
        Assert.Equal(name.Split(' '), InName(text));
    }

    [Theory]
    [InlineData("College was hard")]
    [InlineData("Training helped. College was hard")]
    [InlineData("I went to college, Croydon. Training helped")]
    [InlineData("the NA meeting at the College")]
    public void Of_SentenceFirstWordsSingleCapitalsOrAcronyms_AreNotNames(string text)
    {
        Assert.Empty(InName(text));
    }
}
