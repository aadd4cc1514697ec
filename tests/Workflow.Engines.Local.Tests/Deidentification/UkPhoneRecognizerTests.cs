using Workflow.Engines.Local.Deidentification;

namespace Workflow.Engines.Local.Tests.Deidentification;

public class UkPhoneRecognizerTests
{
    private readonly UkPhoneRecognizer _recognizer = new();

    [Theory]
    [InlineData("ring 07700 900418 please", "07700 900418", "07700900418")]
    [InlineData("ring (0114) 496 0732.", "(0114) 496 0732", "01144960732")]
    [InlineData("ring 07700-900-903,", "07700-900-903", "07700900903")]
    [InlineData("ring 020 7946 0552 or", "020 7946 0552", "02079460552")]
    [InlineData("ring +44 7700 900418", "+44 7700 900418", "07700900418")]
    [InlineData("ring +44 (0)7700 900418", "+44 (0)7700 900418", "07700900418")]
    [InlineData("the project, 0191 498 0433, and", "0191 498 0433", "01914980433")]
    [InlineData("It's 07700 900 341. Gary", "07700 900 341", "07700900341")]
    public void Recognize_UkNumberAsWritten_IsFoundWithNationalDigitsAsKey(string text, string expected, string key)
    {
        var span = _recognizer.Single(text);

        Assert.Equal(expected, text[span.Start..span.End]);
        Assert.Equal(key, span.EntityKey);
    }

    [Fact]
    public void Recognize_NumberFollowedByAnotherNumber_StillFindsThePhone() =>
        Assert.Equal(["0191 498 0433"], _recognizer.Texts("call 0191 498 0433 12 times"));

    [Theory]
    [InlineData("born 17/08/1976 and 2005-04-12")]
    [InlineData("on 12/04/2005")]
    [InlineData("NHS number 460 171 0529")]
    [InlineData("reference GT/0553/05")]
    [InlineData("short 0191 498")]
    [InlineData("a US number 201-948-1927")]
    public void Recognize_DatesIdsAndShortNumbers_AreNotPhones(string text) => Assert.Empty(_recognizer.Recognize(text));
}
