using System.Text.RegularExpressions;
using Workflow.Domain.Deidentification;

namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// E-mail addresses as written, and as a speech engine transcribes them ("jo dot bloggs at example dot
/// org dot uk"). Both forms share one key, the lower-case written address.
/// </summary>
public sealed partial class EmailRecognizer : IIdentifierRecognizer
{
    /// <summary>Recorded on findings as the detector, e.g. "rules/email".</summary>
    public string Name => "email";

    private const double Written = 1.0;
    private const double Spoken = 0.8;

    public IEnumerable<RecognizedSpan> Recognize(string text)
    {
        foreach (Match m in WrittenEmail().Matches(text))
            yield return new RecognizedSpan(m.Index, m.Index + m.Length, IdentifierKind.Email, m.Value.ToLowerInvariant(), Written);
        foreach (Match m in SpokenEmail().Matches(text))
            yield return new RecognizedSpan(m.Index, m.Index + m.Length, IdentifierKind.Email, SpokenToWritten(m.Value), Spoken);
    }

    private static string SpokenToWritten(string spoken)
    {
        var written = SpokenSeparator().Replace(spoken.ToLowerInvariant(), s => s.Value.Trim() switch
        {
            "dot" => ".",
            "at" => "@",
            "underscore" => "_",
            _ => "-",
        });
        return written;
    }

    // An apostrophe is allowed inside the local part (o'rourke@..., as RFC 5322 allows): without it the
    // address was cut at the apostrophe and the part before it stayed in the de-identified text.
    [GeneratedRegex(@"(?<![\w.%+-])[\w%+-][\w%+'-]*(?:\.[\w%+'-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex WrittenEmail();

    // Spoken addresses must end in a common top-level domain, so "at the centre dot" is not an address.
    [GeneratedRegex(@"\b[a-z0-9]+(?:\s+(?:dot|underscore|dash)\s+[a-z0-9]+)*\s+at\s+[a-z0-9-]+(?:\s+dot\s+[a-z0-9-]+)*\s+dot\s+(?:com|org|net|uk)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpokenEmail();

    [GeneratedRegex(@"\s+(?:dot|at|underscore|dash)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpokenSeparator();
}
