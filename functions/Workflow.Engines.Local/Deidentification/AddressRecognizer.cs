using System.Text.RegularExpressions;
using Workflow.Domain.Deidentification;

namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// Street addresses: a house, flat or unit number with a capitalised street name and suffix, optionally
/// with a building name (<c>14 Norfolk Street</c>, <c>Unit 4, Riverside Court, Haven Road</c>). Policy keeps
/// the town and postcode out of the span. Key: the normalised address.
/// </summary>
public sealed partial class AddressRecognizer : IIdentifierRecognizer
{
    /// <summary>Recorded on findings as the detector, e.g. "rules/address".</summary>
    public string Name => "address";

    private const double Confidence = 0.85;

    public IEnumerable<RecognizedSpan> Recognize(string text)
    {
        foreach (Match m in Address().Matches(text))
        {
            var end = SpanText.TrimEnd(text, m.Index, m.Index + m.Length);
            yield return new RecognizedSpan(m.Index, end, IdentifierKind.Address, SpanText.Normalize(text.AsSpan(m.Index, end - m.Index)), Confidence);
        }
    }

    private const string Word = @"(?!The\b)[A-Z][\p{L}'’-]+";
    private const string Separator = @"(?:,\s*|\s+)";
    private const string Unit = @"(?:Flat|Unit|Apartment|Apt\.?|Suite|Room|Studio)\s+\d{1,4}[A-Za-z]?";
    private const string Building = @"(?:" + Word + @"\s+){1,3}(?:House|Court|Mansions|Buildings|Lodge|Towers?|Point|Heights|Hall|Block|Chambers)";
    private const string HouseNumber = @"\d{1,4}[A-Za-z]?(?:-\d{1,4})?";
    private const string Street = @"(?:" + Word + @"\s+){1,3}(?:Street|St|Road|Rd|Lane|Avenue|Ave|Drive|Close|Crescent|Terrace|Grove|Gardens|Place|Way|View|Walk|Court|Row|Hill|Green|Square|Parade|Mews|Rise|Vale|Bank|Villas|Wynd|Chase|Approach|Boulevard|Park|Yard|Wharf)\b";

    // A number is required: on the unit, or before the street.
    [GeneratedRegex(
        @"(?<![\w-])(?:" + Unit + Separator + @"(?:" + Building + Separator + @")?(?:" + HouseNumber + Separator + @")?" +
        @"|(?:" + Building + Separator + @")?" + HouseNumber + Separator + @")" + Street,
        RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
