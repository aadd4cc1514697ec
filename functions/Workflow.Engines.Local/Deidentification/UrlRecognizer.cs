using System.Text.RegularExpressions;
using Workflow.Domain.Deidentification;

namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// Web addresses: with a scheme, starting with www., or a bare domain under a common top-level domain
/// (exevalley.nhs.uk, example.com). The key drops scheme, "www." and a trailing slash so variants share it.
/// </summary>
public sealed partial class UrlRecognizer : IIdentifierRecognizer
{
    /// <summary>Recorded on findings as the detector, e.g. "rules/url".</summary>
    public string Name => "url";

    private const double Explicit = 1.0;
    private const double BareDomain = 0.9;

    public IEnumerable<RecognizedSpan> Recognize(string text)
    {
        foreach (Match m in Url().Matches(text))
        {
            var end = SpanText.TrimEnd(text, m.Index, m.Index + m.Length);
            var value = text[m.Index..end];
            var isExplicit = m.Groups["explicit"].Success;
            if (!isExplicit && !value.Contains('.')) continue;
            yield return new RecognizedSpan(m.Index, end, IdentifierKind.Url, KeyOf(value), isExplicit ? Explicit : BareDomain);
        }
    }

    private static string KeyOf(string url)
    {
        var key = url.ToLowerInvariant();
        foreach (var prefix in (string[])["https://", "http://"])
            if (key.StartsWith(prefix, StringComparison.Ordinal)) key = key[prefix.Length..];
        if (key.StartsWith("www.", StringComparison.Ordinal)) key = key[4..];
        return key.TrimEnd('/');
    }

    // Excluded characters stop a URL at quotes, brackets and dashes used as punctuation in speech.
    [GeneratedRegex(@"(?<![\w@./-])(?:(?<explicit>https?://[^\s<>""“”‘’()\[\]—–]+|www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/[^\s<>""“”‘’()\[\]—–]*)?)|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|org|net|info|biz|uk|ie|eu|io)(?![\w-])(?:/[^\s<>""“”‘’()\[\]—–]*)?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();
}
