using System.Globalization;
using System.Text.RegularExpressions;

namespace Workflow.Engines.Local.Import;

/// <summary>Parses WebVTT cue timestamps: <c>hh:mm:ss.ttt</c> (two or more hour digits) or <c>mm:ss.ttt</c>.</summary>
internal static partial class WebVttTimestamp
{
    /// <summary>Seconds from the start of the media, or false when <paramref name="value"/> is not a WebVTT timestamp.</summary>
    public static bool TryParse(ReadOnlySpan<char> value, out double seconds)
    {
        seconds = 0;
        var match = Pattern().Match(value.ToString());
        if (!match.Success) return false;
        var hours = match.Groups[1].Success ? long.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture) : 0;
        var minutes = int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture);
        var secs = int.Parse(match.Groups[3].ValueSpan, CultureInfo.InvariantCulture);
        var millis = int.Parse(match.Groups[4].ValueSpan, CultureInfo.InvariantCulture);
        seconds = hours * 3600.0 + minutes * 60 + secs + millis / 1000.0;
        return true;
    }

    [GeneratedRegex(@"^(?:(\d{2,9}):)?([0-5]\d):([0-5]\d)\.(\d{3})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
