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

    [Theory]
    [InlineData("email me at zoe.o'rourke+recovery@examplemail.co.uk and", "zoe.o'rourke+recovery@examplemail.co.uk")]
    [InlineData("write to 'sean.obrien@nhs.net' today", "sean.obrien@nhs.net")]
    public void Recognize_AddressWithAnApostrophe_IsFoundWhole(string text, string address)
    {
        var span = _recognizer.Single(text);

        Assert.Equal(address, span.EntityKey);
        Assert.Equal(address, text[span.Start..span.End]);
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
