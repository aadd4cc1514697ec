using Workflow.Engines.Local.Deidentification;

namespace Workflow.Engines.Local.Tests.Deidentification;

public class UrlRecognizerTests
{
    private readonly UrlRecognizer _recognizer = new();

    [Theory]
    [InlineData("we've a website, www.exevalley.nhs.uk/involvement.", "www.exevalley.nhs.uk/involvement")]
    [InlineData("see https://example.org/forum?id=3).", "https://example.org/forum?id=3")]
    [InlineData("it's speakupforum.org.uk now", "speakupforum.org.uk")]
    [InlineData("try www.GreenScrapbooking.dk today", "www.GreenScrapbooking.dk")]
    public void Recognize_WebAddress_IsFound(string text, string expected) => Assert.Equal([expected], _recognizer.Texts(text));

    [Fact]
    public void Recognize_VariantsOfOneSite_ShareAKey()
    {
        Assert.Equal(_recognizer.Single("http://www.example.com/").EntityKey, _recognizer.Single("example.com").EntityKey);
    }

    [Theory]
    [InlineData("e.g. the leaflet, i.e. the new one")]
    [InlineData("it's 3.5 mil, version 1.2.3")]
    public void Recognize_OrdinaryText_FindsNothing(string text) => Assert.Empty(_recognizer.Recognize(text));

    [Fact]
    public void Recognize_DomainOfAnEmail_IsNotAUrl() => Assert.Empty(_recognizer.Recognize("jo@example.org.uk"));
}
