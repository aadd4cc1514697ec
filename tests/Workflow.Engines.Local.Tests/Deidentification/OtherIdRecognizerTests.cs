using Workflow.Engines.Local.Deidentification;

namespace Workflow.Engines.Local.Tests.Deidentification;

public class OtherIdRecognizerTests
{
    private readonly OtherIdRecognizer _recognizer = new();

    [Theory]
    [InlineData("a DTTO — reference GT/0553/05, it's on every letter", "GT/0553/05")]
    [InlineData("my prisoner number was FK4471 then", "FK4471")]
    [InlineData("registered charity number 1089432.", "1089432")]
    public void Recognize_ReferenceLikeCode_IsALowConfidenceId(string text, string expected)
    {
        Assert.Equal(expected, Assert.Single(_recognizer.Texts(text).Distinct()));
        Assert.All(_recognizer.Recognize(text), s => Assert.True(s.Confidence < 0.9));
    }

    [Theory]
    [InlineData("the M25, an MP3, the NHS and the DTTO")]
    [InlineData("EX2 8DT and NE8 4JR")]
    [InlineData("a number of people, number 10, room number 12")]
    [InlineData("my NHS number and that")]
    public void Recognize_ShortCodesAndOrdinaryNumbers_AreIgnored(string text) => Assert.Empty(_recognizer.Recognize(text));
}
