using Workflow.Engines.Local.Deidentification;

namespace Workflow.Engines.Local.Tests.Deidentification;

public class UkPostcodeRecognizerTests
{
    private readonly UkPostcodeRecognizer _recognizer = new();

    [Theory]
    [InlineData("PE21 6QA")]
    [InlineData("EX2 8DT")]
    [InlineData("CR0 2LF")]
    [InlineData("NE8 4JR")]
    [InlineData("SW1A 1AA")]
    [InlineData("M1 1AE")]
    public void Recognize_StandardFormat_IsFoundWithHighConfidence(string postcode)
    {
        var span = _recognizer.Single($"Haven Road, {postcode}. Oh");

        Assert.Equal(postcode.Replace(" ", ""), span.EntityKey);
        Assert.True(span.Confidence >= 0.9);
    }

    [Fact]
    public void Recognize_LowerCaseWithSpace_IsFoundButConfirmed() => Assert.True(_recognizer.Single("gateshead ne8 4jr").Confidence < 0.9);

    [Theory]
    [InlineData("I'm on 8 mil, aged 47, in 2005")]
    [InlineData("the M25 and the A1 at 5pm")]
    [InlineData("ex28dt in lower case without a space")]
    [InlineData("QE1 1AA has an invalid first letter")]
    public void Recognize_OrdinaryText_FindsNothing(string text) => Assert.Empty(_recognizer.Recognize(text));
}
