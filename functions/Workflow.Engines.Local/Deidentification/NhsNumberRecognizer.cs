using System.Text.RegularExpressions;
using Workflow.Domain.Deidentification;

namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// Ten digits written 3-3-4 (spaces, hyphens or none). With a valid check digit it is an NHS number;
/// without, it is still a long personal-looking number, reported as an other id for a coder to confirm.
/// Key: the digits.
/// </summary>
public sealed partial class NhsNumberRecognizer : IIdentifierRecognizer
{
    /// <summary>Recorded on findings as the detector, e.g. "rules/nhs-number".</summary>
    public string Name => "nhs-number";

    private const double Valid = 0.95;
    private const double InvalidCheckDigit = 0.5;

    public IEnumerable<RecognizedSpan> Recognize(string text)
    {
        foreach (Match m in TenDigits().Matches(text))
        {
            var digits = SpanText.DigitsOf(m.ValueSpan);
            yield return NhsNumber.IsValid(digits)
                ? new RecognizedSpan(m.Index, m.Index + m.Length, IdentifierKind.NhsNumber, digits, Valid)
                : new RecognizedSpan(m.Index, m.Index + m.Length, IdentifierKind.OtherId, digits, InvalidCheckDigit);
        }
    }

    [GeneratedRegex(@"(?<![\w/.+-])\d{3}(?<sep>[ -]?)\d{3}\k<sep>\d{4}(?![\w/]|[.-]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex TenDigits();
}
