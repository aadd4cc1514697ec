using Workflow.Engines.Local.Deidentification;

namespace Workflow.Engines.Local.Tests.Deidentification;

public class StreetNameRecognizerTests
{
    private readonly StreetNameRecognizer _recognizer = new();

    [Fact]
    public void Recognize_NamedStreet_IsALocationForACoderToConfirm()
    {
        var span = _recognizer.Single("I pick up from the chemist on Coatsworth Road.");

        Assert.Equal(Workflow.Domain.Deidentification.IdentifierKind.Location, span.Kind);
        Assert.True(span.Confidence < 0.9);
    }

    [Theory]
    [InlineData("down the road and up the street")]
    [InlineData("The Road was long")]
    public void Recognize_GenericStreetWords_AreIgnored(string text) => Assert.Empty(_recognizer.Recognize(text));
}
