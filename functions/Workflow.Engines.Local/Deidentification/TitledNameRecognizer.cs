using System.Text.RegularExpressions;
using Workflow.Domain.Deidentification;

namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// A safety net for names the lead did not list: a title followed by a capitalised name ("Dr Hussain",
/// "Mrs Dunmore", "Councillor Anne Whitaker"). Policy puts the title inside the span; a bare title
/// ("Mr —") is not a name. A coder confirms each one.
/// </summary>
public sealed partial class TitledNameRecognizer : IIdentifierRecognizer
{
    /// <summary>Recorded on findings as the detector, e.g. "rules/title".</summary>
    public string Name => "title";

    private const double Confidence = 0.8;

    public IEnumerable<RecognizedSpan> Recognize(string text)
    {
        foreach (Match m in TitledName().Matches(text))
        {
            var end = SpanText.TrimEnd(text, m.Index, m.Index + m.Length);
            // Possessive 's stays outside the span, as for listed names.
            if (end - m.Index > 2 && text[end - 2] is '\'' or '’' && text[end - 1] is 's') end -= 2;
            yield return new RecognizedSpan(m.Index, end, IdentifierKind.Person, SpanText.Normalize(text.AsSpan(m.Index, end - m.Index)), Confidence);
        }
    }

    // Capitalised words that end a name rather than continue it: "Mrs. Barbara Yudina Apt 5", "Dr Patel Said".
    private const string NotAName =
        @"(?:The|And|But|Or|Apt|Apartment|Flat|Unit|Suite|Room|Box|PO|Street|St|Road|Rd|Lane|Avenue|Ave|Drive|Close|Court|House|Way|" +
        @"Said|Says|Is|Was|Has|Had|Will|Would|Can|Could|Please|Thanks|Thank|Ltd|Inc|On|In|At|From|To|Of|For|Mr|Mrs|Ms|Dr|Tel|Phone|Email)\b";

    [GeneratedRegex(@"\b(?:Dr|Mr|Mrs|Ms|Miss|Mx|Sister|Father|Councillor|Cllr|Professor|Prof|Nurse|Reverend|Rev|Sergeant|Sgt|PC|DC|Judge)\.?[ \t]+(?:[A-Z][\p{L}'’-]*[\p{L}])(?:[ \t]+(?!" + NotAName + @")[A-Z][\p{L}'’-]*[\p{L}]){0,2}", RegexOptions.CultureInvariant)]
    private static partial Regex TitledName();
}
