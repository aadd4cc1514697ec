using System.Globalization;
using System.Text;
using Workflow.Domain.Transcripts;

namespace Workflow.Cli.Transcripts;

/// <summary>
/// Writes a timed transcript as WebVTT: one cue per utterance, the speaker as a voice span
/// (<c>&lt;v Speaker 1&gt;</c>) so players and the project's own importer keep who spoke. Text is
/// escaped and kept on one line, so nothing said can end a cue or open a tag.
/// </summary>
internal static class WebVttWriter
{
    /// <summary>The WebVTT document for <paramref name="transcript"/>; every utterance must have times.</summary>
    public static string Write(Transcript transcript)
    {
        var vtt = new StringBuilder("WEBVTT\n");
        var cue = 0;
        foreach (var utterance in transcript.Utterances)
        {
            if (utterance.StartSeconds is not { } start || utterance.EndSeconds is not { } end)
                throw new ArgumentException($"Utterance {utterance.Index} has no times; WebVTT needs a time for every cue.", nameof(transcript));
            var text = OneLine(utterance.Text);
            if (text.Length == 0) continue;
            vtt.Append('\n')
                .Append(++cue).Append('\n')
                .Append(Timestamp(start)).Append(" --> ").Append(Timestamp(Math.Max(start, end))).Append('\n')
                .Append("<v ").Append(Escape(OneLine(utterance.Speaker))).Append('>').Append(Escape(text)).Append('\n');
        }
        return vtt.ToString();
    }

    /// <summary><c>hh:mm:ss.ttt</c>, rounded to the millisecond; hours always present so long recordings read the same.</summary>
    internal static string Timestamp(double seconds)
    {
        var millis = (long)Math.Round(Math.Max(0, seconds) * 1000, MidpointRounding.AwayFromZero);
        var (hours, rest) = Math.DivRem(millis, 3_600_000);
        var (minutes, rest2) = Math.DivRem(rest, 60_000);
        var (secs, ms) = Math.DivRem(rest2, 1000);
        return string.Create(CultureInfo.InvariantCulture, $"{hours:00}:{minutes:00}:{secs:00}.{ms:000}");
    }

    /// <summary>The three characters WebVTT cue text cannot hold as they are.</summary>
    internal static string Escape(string value) =>
        value.Replace("&", "&amp;", StringComparison.Ordinal)
             .Replace("<", "&lt;", StringComparison.Ordinal)
             .Replace(">", "&gt;", StringComparison.Ordinal);

    // A line break would end the cue's text early, and a blank line the cue itself.
    private static string OneLine(string value) =>
        string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
