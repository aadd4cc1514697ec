using Workflow.Engines.Local.Deidentification;

namespace Workflow.Engines.Local.Tests.Deidentification;

public class AgeRecognizerTests
{
    private readonly AgeRecognizer _recognizer = new();

    [Theory]
    [InlineData("Aye. I'm Darren, I'm 29, I'm from Gateshead", "29")]
    [InlineData("a young lad, Jacko, he's 23, he's", "23")]
    [InlineData("Same. I'm 47, I've been through it", "47")]
    [InlineData("a little girl, she's four, and", "four")]
    [InlineData("when I was seventeen I left", "seventeen")]
    [InlineData("she was aged 47 at the time", "47")]
    [InlineData("he is 47 years old", "47")]
    [InlineData("a 52-year-old man", "52")]
    [InlineData("the baby, she's six months, was", "six months")]
    [InlineData("he was six months old", "six months")]
    [InlineData("I'll be Thirty-six next month", "Thirty-six")]
    [InlineData("on the gear from about seventeen till", "seventeen")]
    [InlineData("Thirty-six next month, me.", "Thirty-six")]
    [InlineData("started using at fifteen, like", "fifteen")]
    public void Recognize_StatedAge_SpansOnlyTheNumberExpression(string text, string expected)
    {
        var span = _recognizer.Single(text);

        Assert.Equal(expected, text[span.Start..span.End]);
        Assert.True(span.Confidence < 0.9);
    }

    [Theory]
    [InlineData("I was one of the first")]
    [InlineData("I'm 5 minutes away and he's 6 foot")]
    [InlineData("I'm seven years clean and she was two hours late")]
    [InlineData("I'm 100% sure")]
    [InlineData("I was 3rd in the queue")]
    [InlineData("from 9 till 5, at ten o'clock")]
    public void Recognize_NumbersThatAreNotAges_AreIgnored(string text) => Assert.Empty(_recognizer.Recognize(text));
}
