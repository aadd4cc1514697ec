using System.Text.RegularExpressions;
using Workflow.Domain.Deidentification;

namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// UK postcodes (<c>PE21 6QA</c>, <c>SW1A 1AA</c>). Upper case as written in letters and forms is near
/// certain; lower or mixed case (speech-to-text output) is accepted only with the space and is confirmed
/// by a coder, since short letter-digit runs occur in ordinary text. Key: upper case without spaces.
/// </summary>
public sealed partial class UkPostcodeRecognizer : IIdentifierRecognizer
{
    /// <summary>Recorded on findings as the detector, e.g. "rules/postcode".</summary>
    public string Name => "postcode";

    private const double UpperCase = 0.95;
    private const double OtherCase = 0.7;

    public IEnumerable<RecognizedSpan> Recognize(string text)
    {
        foreach (Match m in Postcode().Matches(text))
        {
            var upper = !m.Value.Any(char.IsLower);
            if (!upper && !m.Value.Contains(' ')) continue;
            var key = m.Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            yield return new RecognizedSpan(m.Index, m.Index + m.Length, IdentifierKind.Postcode, key, upper ? UpperCase : OtherCase);
        }
    }

    // Outward code A9, A99, A9A, AA9, AA99, AA9A; inward code 9AA without the letters C I K M O V.
    [GeneratedRegex(@"(?<![\w-])[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Postcode();
}
