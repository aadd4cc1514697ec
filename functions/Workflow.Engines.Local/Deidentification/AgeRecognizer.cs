using System.Text.RegularExpressions;
using Workflow.Domain.Deidentification;

namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// Stated ages of a person: "I'm 34", "he's 23", "aged 47", "47 years old", "she was four", "six months
/// old", and teenage ages at a life event ("from about seventeen"). The span is the number expression only.
/// Ages are often generic or not ages at all, so every finding goes to a coder (confidence below 0.9).
/// </summary>
public sealed partial class AgeRecognizer : IIdentifierRecognizer
{
    /// <summary>Recorded on findings as the detector, e.g. "rules/age".</summary>
    public string Name => "age";

    private const double Stated = 0.7;
    private const double YearsOld = 0.8;
    private const double TeenageEvent = 0.5;
    private const double NextBirthday = 0.6;

    public IEnumerable<RecognizedSpan> Recognize(string text)
    {
        foreach (Match m in Age().Matches(text))
        {
            var age = m.Groups["age"];
            var number = m.Groups["num"].Value;
            if (number.All(char.IsAsciiDigit) && (!int.TryParse(number, out var years) || years is < 1 or > 120)) continue;
            var confidence = m.Groups["old"].Success ? YearsOld : m.Groups["teen"].Success ? TeenageEvent
                : m.Groups["next"].Success ? NextBirthday : Stated;
            yield return new RecognizedSpan(age.Index, age.Index + age.Length, IdentifierKind.Age, SpanText.Normalize(age.ValueSpan), confidence);
        }
    }

    private const string Number = @"(?<num>\d{1,3}|" + NumberWords.CardinalPattern + @")\b";

    // What may follow the number when it is an age; units, "of", "or" and the like mean it is not one.
    private const string NotAnAge =
        @"(?!\s*(?:[:./]\d|%|[-–]\s*\d|(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|yrs?|times?|of|out|or|to|and\s+a\s+half\s+(?:hours?|minutes?)|o['’]clock|am|pm|a\.m|p\.m|percent|per|pounds?|quid|pence|p|grand|mil|mg|ml|foot|feet|ft|inches|stone|kilos?|kg|miles?|hundred|thousand|million|who|that|thing|things|person|people|day|more|less|bit|step|steps|way|off|nights?|bags?|pints?|cans?|kids|children|of\s+them)\b))";

    private const string Subject =
        @"(?:I['’]m|I\s+am|I\s+was|I['’]ll\s+be|I\s+will\s+be|(?:he|she)(?:['’]s|\s+is|\s+was|['’]ll\s+be|\s+will\s+be)|you(?:['’]re|\s+are|\s+were|\s+was)|(?:son|daughter|boy|girl|lad|baby|brother|sister|mum|mam|dad|nan|wife|husband|partner)(?:['’]s|\s+is|\s+was)|turned|turning)";

    private const string Months = @"(?:\s+(?:months?|weeks?)(?=\s*(?:old\b|[.,;!?)]|$)))";

    [GeneratedRegex(
        @"\b(?:" +
            Subject + @"\s+(?:only\s+|just\s+|nearly\s+|almost\s+|about\s+|turned\s+|turning\s+)?(?<age>" + Number + Months + @"?)" + NotAnAge +
        @"|(?:aged|age|at\s+the\s+age\s+of|from\s+the\s+age\s+of)\s+(?<age>" + Number + @")" + NotAnAge +
        @"|(?<age>" + Number + @"(?:[\s-]+(?:months?|weeks?))?)(?<old>[\s-]+(?:years?[\s-]+)?old\b)" +
        @"|(?<next>(?<age>" + Number + @"))(?=\s+next\s+(?:birthday|month)\b)" +
        @"|(?:at|from(?:\s+about|\s+around)?)\s+(?<teen>(?<age>(?<num>1[3-9]|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b))" + NotAnAge +
        @")",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Age();
}
