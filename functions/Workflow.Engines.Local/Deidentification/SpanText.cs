using System.Text;

namespace Workflow.Engines.Local.Deidentification;

/// <summary>Small helpers shared by the recognizers for span boundaries and entity keys.</summary>
internal static class SpanText
{
    private const string TrailingPunctuation = ".,;:!?)]}'\"’”—–-";

    /// <summary>The end of the span with trailing punctuation and whitespace removed (never before start).</summary>
    public static int TrimEnd(string text, int start, int end)
    {
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || TrailingPunctuation.Contains(text[end - 1]))) end--;
        return end;
    }

    /// <summary>Only the ASCII digits of <paramref name="value"/>.</summary>
    public static string DigitsOf(ReadOnlySpan<char> value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
            if (char.IsAsciiDigit(c)) sb.Append(c);
        return sb.ToString();
    }

    /// <summary>Lower-case with runs of whitespace collapsed to one space, so spelling variants share a key.</summary>
    public static string Normalize(ReadOnlySpan<char> value) =>
        string.Join(' ', value.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
