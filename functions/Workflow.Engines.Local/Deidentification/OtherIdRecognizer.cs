using System.Text.RegularExpressions;
using Workflow.Domain.Deidentification;

namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// Reference-like codes: upper-case letters mixed with at least three digits, optionally split by '/'
/// or '-' (<c>GT/0553/05</c>, <c>FK4471</c>), and long numbers introduced as a number or reference
/// ("charity number 1089432"). A coder confirms each one. Key: upper case without spaces.
/// </summary>
public sealed partial class OtherIdRecognizer : IIdentifierRecognizer
{
    /// <summary>Recorded on findings as the detector, e.g. "rules/other-id".</summary>
    public string Name => "other-id";

    private const double Confidence = 0.6;

    public IEnumerable<RecognizedSpan> Recognize(string text)
    {
        foreach (Match m in Mixed().Matches(text))
        {
            if (m.Value.Count(char.IsAsciiDigit) < 3 || m.Value.Count(char.IsAsciiLetterOrDigit) < 5) continue;
            yield return Span(m.Index, m.Length, m.Value);
        }
        foreach (Match m in Introduced().Matches(text))
        {
            var id = m.Groups["id"];
            var digits = id.Value.Count(char.IsAsciiDigit);
            var minimum = id.Value.All(char.IsAsciiDigit) ? 5 : 4;
            if (digits >= minimum) yield return Span(id.Index, id.Length, id.Value);
        }
    }

    private static RecognizedSpan Span(int start, int length, string value) =>
        new(start, start + length, IdentifierKind.OtherId, value.ToUpperInvariant(), Confidence);

    [GeneratedRegex(@"(?<![\w/-])(?=[A-Z0-9/-]*\d)(?=[A-Z0-9/-]*[A-Z])[A-Z0-9]+(?:[/-][A-Z0-9]+)*(?![\w/-])", RegexOptions.CultureInvariant)]
    private static partial Regex Mixed();

    [GeneratedRegex(@"\b(?i:number|no\.|ref(?:erence)?|reg(?:istration)?|id)(?:\s+(?i:is|was))?(?:\s*[:#]\s*|\s+)(?<id>[A-Za-z0-9][A-Za-z0-9/-]{3,}[A-Za-z0-9])(?![\w/-])", RegexOptions.CultureInvariant)]
    private static partial Regex Introduced();
}
