using System.Globalization;
using System.Text.RegularExpressions;
using Workflow.Domain.Deidentification;

namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// Specific calendar dates: day and month with or without year ("14th of November 2004", "3rd of May"),
/// month and year ("March 2005"), numeric dates (UK order, or ISO), a named holiday with a year, and bare
/// years after a preposition that date an event ("in 1998"), the last with low confidence. A month alone,
/// weekdays and relative times are not dates (policy). The key is an ISO-like form so "1st of March 2005"
/// and "01/03/2005" share a label.
/// </summary>
public sealed partial class DateRecognizer(int? referenceYear = null) : IIdentifierRecognizer
{
    /// <summary>Recorded on findings as the detector, e.g. "rules/date".</summary>
    public string Name => "date";

    private const double FullDate = 0.95;
    private const double PartialDate = 0.9;
    private const double BareYear = 0.6;
    private const double PresentYear = 0.3;

    public IEnumerable<RecognizedSpan> Recognize(string text)
    {
        foreach (Match m in Written().Matches(text))
        {
            if (Interpret(m) is { } found) yield return found;
        }
        foreach (Match m in Numeric().Matches(text))
        {
            if (NumericKey(m) is { } key) yield return new RecognizedSpan(m.Index, m.Index + m.Length, IdentifierKind.Date, key, FullDate);
        }
    }

    private RecognizedSpan? Interpret(Match m)
    {
        var year = m.Groups["year"];
        if (m.Groups["bare"].Success)
        {
            var bare = m.Groups["bare"];
            var confidence = int.Parse(bare.Value, CultureInfo.InvariantCulture) == referenceYear ? PresentYear : BareYear;
            return new RecognizedSpan(bare.Index, bare.Index + bare.Length, IdentifierKind.Date, bare.Value, confidence);
        }
        if (m.Groups["holiday"].Success)
            return Span(m, SpanText.Normalize(m.Groups["holiday"].ValueSpan) + " " + year.Value, FullDate);

        var month = m.Groups["month"];
        if (!IsMonth(month.Value, out var monthNumber)) return null;
        var day = m.Groups["day"];
        if (!day.Success)
            return Span(m, $"{year.Value}-{monthNumber:00}", PartialDate);
        if (NumberWords.ValueOf(day.Value) is not { } dayNumber || dayNumber is < 1 or > 31) return null;
        // "3 may come" is not a date: a bare digit before a month that is also an English word needs support.
        var supported = year.Success || m.Groups["of"].Success || !day.Value.All(char.IsAsciiDigit) || char.IsUpper(month.Value[0]);
        if (!supported) return null;
        return year.Success
            ? Span(m, $"{year.Value}-{monthNumber:00}-{dayNumber:00}", FullDate)
            : Span(m, $"--{monthNumber:00}-{dayNumber:00}", PartialDate);
    }

    private static RecognizedSpan Span(Match m, string key, double confidence) =>
        new(m.Index, m.Index + m.Length, IdentifierKind.Date, key, confidence);

    /// <summary>Three-letter abbreviations count only when capitalised ("Mar"), so ordinary words are not months.</summary>
    private static bool IsMonth(string written, out int month)
    {
        var name = written.TrimEnd('.');
        month = Array.FindIndex(MonthNames, n => n.StartsWith(name, StringComparison.OrdinalIgnoreCase)) + 1;
        var abbreviated = !MonthNames.Contains(name, StringComparer.OrdinalIgnoreCase);
        return month > 0 && (!abbreviated || char.IsUpper(name[0]));
    }

    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static string? NumericKey(Match m)
    {
        int day, month, year;
        if (m.Groups["iy"].Success)
        {
            year = int.Parse(m.Groups["iy"].Value, CultureInfo.InvariantCulture);
            month = int.Parse(m.Groups["im"].Value, CultureInfo.InvariantCulture);
            day = int.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture);
        }
        else
        {
            day = int.Parse(m.Groups["nd"].Value, CultureInfo.InvariantCulture);
            month = int.Parse(m.Groups["nm"].Value, CultureInfo.InvariantCulture);
            var yearText = m.Groups["ny"].Value;
            // A dotted triple with a two-digit year is more often a version or a time than a date.
            if (m.Groups["sep"].Value == "." && yearText.Length == 2) return null;
            year = int.Parse(yearText, CultureInfo.InvariantCulture);
            if (yearText.Length == 2) year += year <= 30 ? 2000 : 1900;
        }
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(year, 1), month)) return null;
        return $"{year:0000}-{month:00}-{day:00}";
    }

    private const string Month = @"(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
    private const string Day = @"(?<day>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?|" + NumberWords.DayOrdinalPattern + ")";
    private const string Year = @"(?<year>(?:1[89]|20)\d{2})";
    private const string YearTail = @"(?:,?\s+(?:of\s+)?" + Year + @")?";

    [GeneratedRegex(
        @"\b(?:" + Day + @"(?:\s+(?<of>of))?\s+" + Month + YearTail +
        @"|" + Month + @"\s+(?:of\s+)?" + Year +
        @"|" + Month + @"\s+(?:the\s+)?" + Day + YearTail +
        @"|(?<holiday>Boxing\s+Day|Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]?s?(?:\s+(?:Day|Eve))?|Easter(?:\s+(?:Sunday|Monday))?|Bonfire\s+Night|Valentine['’]?s\s+Day|Hallowe['’]?en)\s+" + Year +
        @"|(?:in|since|from|until|till|during|before|after|around|circa|c\.)\s+(?:the\s+year\s+)?(?:(?:early|late|mid)[\s-]+)?(?<bare>(?:19[3-9]|20[0-3])\d)(?!\s*(?:people|pounds|quid|grand|times|mg|ml|%)))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Written();

    [GeneratedRegex(
        @"(?<![\w/.:-])(?:(?<nd>\d{1,2})(?<sep>[/.-])(?<nm>\d{1,2})\k<sep>(?<ny>\d{4}|\d{2})|(?<iy>(?:1[89]|20)\d{2})-(?<im>\d{1,2})-(?<id>\d{1,2}))(?![\w/:]|[.-]\d)",
        RegexOptions.CultureInvariant)]
    private static partial Regex Numeric();
}
