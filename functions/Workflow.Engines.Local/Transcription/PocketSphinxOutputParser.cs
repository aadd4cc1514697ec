using System.Globalization;
using Workflow.Domain.Transcripts;

namespace Workflow.Engines.Local.Transcription;

/// <summary>
/// Reads the stdout of <c>pocketsphinx_continuous -time yes</c>: per speech segment, a hypothesis
/// line followed by <c>word start end posterior</c> lines from <c>&lt;s&gt;</c> to <c>&lt;/s&gt;</c>.
/// The word lines are the source of truth; hypothesis lines only mark segment boundaries.
/// </summary>
internal static class PocketSphinxOutputParser
{
    /// <summary>Returns the recognised words of each non-empty segment, fillers removed, times shifted by <paramref name="offsetSeconds"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<Word>> Parse(string output, double offsetSeconds = 0)
    {
        var segments = new List<IReadOnlyList<Word>>();
        var current = new List<Word>();
        foreach (var line in output.Split('\n'))
        {
            if (!TryParseWordLine(line, out var token, out var start, out var end, out var posterior))
            {
                Flush(); // a hypothesis (or blank) line opens the next segment
                continue;
            }
            if (token == "<s>" || token == "</s>")
            {
                Flush();
                continue;
            }
            if (IsFiller(token)) continue;
            current.Add(new Word(StripAlternate(token), start + offsetSeconds, end + offsetSeconds, Math.Clamp(posterior, 0, 1)));
        }
        Flush();
        return segments;

        void Flush()
        {
            if (current.Count == 0) return;
            segments.Add(current);
            current = [];
        }
    }

    private static bool TryParseWordLine(string line, out string token, out double start, out double end, out double posterior)
    {
        var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        token = parts.Length == 4 ? parts[0] : "";
        start = end = posterior = 0;
        return parts.Length == 4
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out start)
            && double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out end)
            && double.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out posterior);
    }

    /// <summary>Silence, noise and filler units: <c>&lt;sil&gt;</c>, <c>[NOISE]</c>, <c>++BREATH++</c>.</summary>
    private static bool IsFiller(string token) =>
        (token.StartsWith('<') && token.EndsWith('>'))
        || (token.StartsWith('[') && token.EndsWith(']'))
        || (token.Length >= 4 && token.StartsWith("++", StringComparison.Ordinal) && token.EndsWith("++", StringComparison.Ordinal));

    /// <summary>Alternate pronunciations are numbered in the dictionary (<c>stuart(2)</c>); the word is the same.</summary>
    private static string StripAlternate(string token)
    {
        var open = token.LastIndexOf('(');
        return open > 0 && token.EndsWith(')') && open + 1 < token.Length - 1 && token[(open + 1)..^1].All(char.IsAsciiDigit)
            ? token[..open]
            : token;
    }
}
