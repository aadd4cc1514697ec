using Workflow.Engines.Local.Deidentification;

namespace Workflow.Engines.Local.Tests.Deidentification;

public class AddressRecognizerTests
{
    private readonly AddressRecognizer _recognizer = new();

    [Theory]
    [InlineData("I live at 14 Norfolk Street, Boston, PE21 6QA.", "14 Norfolk Street")]
    [InlineData("Send it to my mam's, that's safest, 23 Saltwell View, Gateshead", "23 Saltwell View")]
    [InlineData("at Crossways, 141 Whitehorse Road, CR0 2LF.", "141 Whitehorse Road")]
    [InlineData("The post goes to Unit 4, Riverside Court, Haven Road, EX2 8DT.", "Unit 4, Riverside Court, Haven Road")]
    [InlineData("Flat 3, 22 St Mary's Road.", "Flat 3, 22 St Mary's Road")]
    public void Recognize_NumberedAddress_ExcludesTownAndPostcode(string text, string expected) =>
        Assert.Equal([expected], _recognizer.Texts(text));

    [Theory]
    [InlineData("the chemist on Coatsworth Road")]
    [InlineData("I walked 2 miles down the road")]
    [InlineData("in 1998 The Green was busy")]
    public void Recognize_StreetWithoutNumberOrLowerCasePhrase_IsNotAnAddress(string text) => Assert.Empty(_recognizer.Recognize(text));
}
