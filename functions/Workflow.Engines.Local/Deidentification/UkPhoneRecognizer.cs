using System.Text.RegularExpressions;
using Workflow.Domain.Deidentification;

namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// UK landline and mobile numbers as people write them: <c>07700 900418</c>, <c>(0114) 496 0732</c>,
/// <c>07700-900-903</c>, <c>+44 7700 900418</c>. A candidate must come to 10 or 11 national digits with a
/// UK prefix, which keeps dates and amounts out. The key is the national digits, so formats share a label.
/// </summary>
public sealed partial class UkPhoneRecognizer : IIdentifierRecognizer
{
    /// <summary>Recorded on findings as the detector, e.g. "rules/phone".</summary>
    public string Name => "phone";

    private const double Confidence = 0.95;
    private const string UkSecondDigits = "123578";

    public IEnumerable<RecognizedSpan> Recognize(string text)
    {
        foreach (Match m in Candidate().Matches(text))
        {
            var international = m.Groups["intl"].Success;
            var groups = m.Groups["group"].Captures;
            // Take the longest run of digit groups that is a UK number, so "0191 498 0433 12" still finds the phone.
            for (var last = groups.Count - 1; last >= 0; last--)
            {
                var end = groups[last].Index + groups[last].Length;
                var national = NationalDigits(text.AsSpan(m.Index, end - m.Index), international);
                if (national is null) continue;
                yield return new RecognizedSpan(m.Index, end, IdentifierKind.Phone, national, Confidence);
                break;
            }
        }
    }

    private static string? NationalDigits(ReadOnlySpan<char> written, bool international)
    {
        var digits = SpanText.DigitsOf(written);
        if (international)
        {
            digits = digits.StartsWith("0044", StringComparison.Ordinal) ? digits[4..] : digits[2..];
            digits = "0" + digits.TrimStart('0');
        }
        return digits.Length is 10 or 11 && digits[0] == '0' && UkSecondDigits.Contains(digits[1]) ? digits : null;
    }

    [GeneratedRegex(@"(?<![\w+/.-])(?:(?<intl>\+44|0044)[ -]?(?:\(0\)[ -]?)?|\((?=0\d{2,4}\))|(?=0))(?<group>\d+)\)?(?:[ -](?<group>\d+)){0,4}(?![\w/])", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();
}
