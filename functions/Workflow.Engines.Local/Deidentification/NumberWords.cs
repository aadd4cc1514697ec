namespace Workflow.Engines.Local.Deidentification;

/// <summary>Cardinal and ordinal number words as spoken in interviews ("seventeen", "thirty-six", "twenty-first").</summary>
internal static class NumberWords
{
    private static readonly string[] Units = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
    private static readonly string[] Teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
    private static readonly string[] Tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    private static readonly string[] UnitOrdinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"];
    private static readonly string[] TeenOrdinals = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"];

    /// <summary>Regex alternation for one to ninety-nine in words (tens may be joined to units by a hyphen or space).</summary>
    public const string CardinalPattern =
        @"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine)\b)?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten|one|two|three|four|five|six|seven|eight|nine)";

    /// <summary>Regex alternation for first to thirty-first in words (days of the month).</summary>
    public const string DayOrdinalPattern =
        @"(?:(?:twenty|thirty)[\s-]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|twentieth|thirtieth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)";

    private static readonly Dictionary<string, int> Values = Build();

    /// <summary>The value of a cardinal or ordinal written in digits ("3rd") or words ("third", "thirty-six").</summary>
    public static int? ValueOf(string written)
    {
        var key = string.Join(' ', written.ToLowerInvariant().Split([' ', '-', '\t'], StringSplitOptions.RemoveEmptyEntries));
        var digits = key.TrimEnd('s', 't', 'n', 'd', 'r', 'h');
        if (digits.Length > 0 && digits.All(char.IsAsciiDigit)) return int.TryParse(digits, out var n) ? n : null;
        return Values.TryGetValue(key, out var value) ? value : null;
    }

    private static Dictionary<string, int> Build()
    {
        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < 9; i++) { values[Units[i]] = i + 1; values[UnitOrdinals[i]] = i + 1; }
        for (var i = 0; i < 10; i++) { values[Teens[i]] = i + 10; values[TeenOrdinals[i]] = i + 10; }
        for (var t = 0; t < Tens.Length; t++)
        {
            var tens = (t + 2) * 10;
            values[Tens[t]] = tens;
            values[Tens[t][..^1] + "ieth"] = tens;
            for (var u = 0; u < 9; u++)
            {
                values[$"{Tens[t]} {Units[u]}"] = tens + u + 1;
                values[$"{Tens[t]} {UnitOrdinals[u]}"] = tens + u + 1;
                values[$"{Tens[t]}{UnitOrdinals[u]}"] = tens + u + 1;
            }
        }
        return values;
    }
}
