using Workflow.Domain.Deidentification;
using Workflow.Engines.Local.Deidentification;

namespace Workflow.Engines.Local.Tests.Deidentification;

public class NhsNumberRecognizerTests
{
    private readonly NhsNumberRecognizer _recognizer = new();

    [Theory]
    [InlineData("460 171 0529")]
    [InlineData("6183246301")]
    [InlineData("788-753-9625")]
    public void Recognize_ValidCheckDigit_IsAnNhsNumberKeyedByDigits(string number)
    {
        var span = _recognizer.Single($"It's {number}.");

        Assert.Equal(IdentifierKind.NhsNumber, span.Kind);
        Assert.Equal(number.Replace(" ", "").Replace("-", ""), span.EntityKey);
    }

    [Fact]
    public void Recognize_InvalidCheckDigit_IsOnlyALowConfidenceOtherId()
    {
        var span = _recognizer.Single("It's 460 171 0528.");

        Assert.Equal(IdentifierKind.OtherId, span.Kind);
        Assert.True(span.Confidence < 0.9);
    }

    [Theory]
    [InlineData("0191 498 0433")]
    [InlineData("020 7946 0552")]
    [InlineData("460 1710 529")]
    [InlineData("46017105291")]
    public void Recognize_OtherDigitGroupings_AreNotNhsNumbers(string text) => Assert.Empty(_recognizer.Recognize(text));

    [Theory]
    [InlineData("4601710529", true)]
    [InlineData("4601710528", false)]
    [InlineData("460171052", false)]
    public void IsValid_ChecksTheModulus11Digit(string digits, bool valid) => Assert.Equal(valid, NhsNumber.IsValid(digits));
}
