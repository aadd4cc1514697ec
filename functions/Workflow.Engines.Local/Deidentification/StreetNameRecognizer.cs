using System.Text.RegularExpressions;
using Workflow.Domain.Deidentification;

namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// Named streets without a house number ("the chemist on Coatsworth Road"), which policy labels as
/// locations. Limited to unambiguous suffixes and capitalised names; a coder confirms each one.
/// </summary>
public sealed partial class StreetNameRecognizer : IIdentifierRecognizer
{
    /// <summary>Recorded on findings as the detector, e.g. "rules/street".</summary>
    public string Name => "street";

    private const double Confidence = 0.7;

    public IEnumerable<RecognizedSpan> Recognize(string text)
    {
        foreach (Match m in StreetName().Matches(text))
            yield return new RecognizedSpan(m.Index, m.Index + m.Length, IdentifierKind.Location, SpanText.Normalize(m.ValueSpan), Confidence);
    }

    [GeneratedRegex(@"(?<![\w-])(?:(?!The\b)[A-Z][\p{L}'’-]+[ \t]+){1,2}(?:Street|Road|Lane|Avenue|Crescent|Terrace)\b", RegexOptions.CultureInvariant)]
    private static partial Regex StreetName();
}
