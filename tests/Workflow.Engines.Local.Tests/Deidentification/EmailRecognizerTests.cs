using Workflow.Engines.Local.Deidentification;

namespace Workflow.Engines.Local.Tests.Deidentification;

public class EmailRecognizerTests
{
    private readonly EmailRecognizer _recognizer = new();

    [Fact]
    public void Recognize_WrittenAddress_IsFoundWithoutTrailingPunctuation()
    {
        var span = _recognizer.Single("Please. Gillian.Tremayne@exevalley.nhs.uk, or ring.");

        Assert.Equal("gillian.tremayne@exevalley.nhs.uk", span.EntityKey);
        Assert.Equal(1.0, span.Confidence);
    }

    [Fact]
    public void Recognize_SpokenAddress_SharesTheWrittenKey()
    {
        var span = _recognizer.Single("it's gillian dot tremayne at exevalley dot nhs dot uk ok");

        Assert.Equal("gillian.tremayne@exevalley.nhs.uk", span.EntityKey);
        Assert.True(span.Confidence < 0.9);
    }

    [Theory]
    [InlineData("meet me at the centre at ten")]
    [InlineData("an @ sign on its own, or user@localhost")]
    public void Recognize_TextWithoutAnAddress_FindsNothing(string text) => Assert.Empty(_recognizer.Recognize(text));
}
