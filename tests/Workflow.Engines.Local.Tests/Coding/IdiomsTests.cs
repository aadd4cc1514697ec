using Workflow.Engines.Local.Coding;

namespace Workflow.Engines.Local.Tests.Coding;

public class IdiomsTests
{
    private static string[] Found(string text)
    {
        var tokens = TextTokenizer.Tokenize(text);
        return Idioms.Find(tokens).Select(f => text[tokens[f.At].Start..tokens[f.At + f.Length - 1].End]).ToArray();
    }

    [Theory]
    [InlineData("Of course I went", "Of course")]
    [InlineData("I'm busy right now", "right now")]
    [InlineData("that's right, yeah", "that's right")]
    [InlineData("That’s right", "That’s right")]
    [InlineData("it was all right", "all right")]
    [InlineData("at the time I was using", "at the time")]
    public void Find_FixedExpressions_AreFoundWhereTheyStand(string text, string expected)
    {
        Assert.Equal([expected], Found(text));
    }

    [Theory]
    [InlineData("we have all rights here")]
    [InlineData("a course of training")]
    [InlineData("at the, um, time")]
    [InlineData("we want our rights now")]
    public void Find_OtherWordsOrBrokenExpressions_FindNothing(string text)
    {
        Assert.Empty(Found(text));
    }
}
