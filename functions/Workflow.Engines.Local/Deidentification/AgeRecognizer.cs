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

    // Words around a number that the pattern may need: a subject before it ("I'll be only about"), units after it.
    private const int WordsBefore = 6;
    private const int WordsAfter = 8;

    private static readonly HashSet<string> NumberWordSet = new(StringComparer.OrdinalIgnoreCase)
    {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
        "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
        "eighty", "ninety",
    };

    public IEnumerable<RecognizedSpan> Recognize(string text)
    {
        // The pattern is costly to try at every word, and every age contains a number: run it only on
        // windows of a few words around each number (about ten times faster on interview speech).
        foreach (var (start, length) in NumberWindows(text))
            for (var m = Age().Match(text, start, length); m.Success; m = m.NextMatch())
                if (Interpret(m) is { } span) yield return span;
    }

    private static List<(int Start, int Length)> NumberWindows(string text)
    {
        var starts = new List<int>();
        var ends = new List<int>();
        var numbers = new List<int>();
        var lookup = NumberWordSet.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < text.Length;)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
            var word = text.AsSpan(start, i - start);
            if (char.IsAsciiDigit(word[0]) || lookup.Contains(word)) numbers.Add(starts.Count);
            starts.Add(start);
            ends.Add(i);
        }
        var windows = new List<(int Start, int Length)>();
        foreach (var n in numbers)
        {
            var from = starts[Math.Max(0, n - WordsBefore)];
            var to = n + WordsAfter < ends.Count ? ends[n + WordsAfter] : text.Length;
            if (windows.Count > 0 && from <= windows[^1].Start + windows[^1].Length)
                windows[^1] = (windows[^1].Start, Math.Max(to, windows[^1].Start + windows[^1].Length) - windows[^1].Start);
            else windows.Add((from, to - from));
        }
        return windows;
    }

    private static RecognizedSpan? Interpret(Match m)
    {
        {
            var age = m.Groups["age"];
            var number = m.Groups["num"].Value;
            if (number.All(char.IsAsciiDigit) && (!int.TryParse(number, out var years) || years is < 1 or > 120)) return null;
            var confidence = m.Groups["old"].Success ? YearsOld : m.Groups["teen"].Success ? TeenageEvent
                : m.Groups["next"].Success ? NextBirthday : Stated;
            return new RecognizedSpan(age.Index, age.Index + age.Length, IdentifierKind.Age, SpanText.Normalize(age.ValueSpan), confidence);
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
