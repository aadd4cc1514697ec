using System.Net;
using System.Text;

namespace Workflow.Engines.Local.Import;

/// <summary>
/// Turns a cue payload into plain text per voice: voice spans give the speaker, other markup
/// (classes, italics, ruby, karaoke timestamps) is dropped, and character references are decoded.
/// </summary>
internal static class WebVttCueText
{
    /// <summary>Splits <paramref name="payload"/> into runs of text, a new run whenever the voice changes.</summary>
    public static List<WebVttVoiceText> Parse(string payload)
    {
        var runs = new List<WebVttVoiceText>();
        var text = new StringBuilder();
        string? voice = null;
        var i = 0;
        while (i < payload.Length)
        {
            var open = payload.IndexOf('<', i);
            var end = open < 0 ? payload.Length : open;
            text.Append(payload, i, end - i);
            if (open < 0) break;

            var close = payload.IndexOf('>', open + 1);
            // An unclosed tag runs to the end of the cue, as in the WebVTT parsing rules.
            var tag = payload.AsSpan(open + 1, (close < 0 ? payload.Length : close) - open - 1);
            i = close < 0 ? payload.Length : close + 1;

            if (IsVoiceStart(tag, out var name) || tag.SequenceEqual("/v"))
            {
                Flush(runs, voice, text);
                voice = name;
            }
        }
        Flush(runs, voice, text);
        return runs;
    }

    private static bool IsVoiceStart(ReadOnlySpan<char> tag, out string? name)
    {
        name = null;
        if (tag.Length < 2 || tag[0] != 'v' || !(char.IsWhiteSpace(tag[1]) || tag[1] == '.')) return false;
        // "<v.loud Anna>": classes follow the dot; the annotation (the name) follows the first whitespace.
        var space = tag.IndexOfAny(" \t\n");
        var annotation = space < 0 ? [] : tag[(space + 1)..].Trim();
        name = annotation.IsEmpty ? null : annotation.ToString();
        return true;
    }

    private static void Flush(List<WebVttVoiceText> runs, string? voice, StringBuilder text)
    {
        var decoded = Collapse(WebUtility.HtmlDecode(text.ToString()));
        text.Clear();
        if (decoded.Length == 0) return;
        if (runs.Count > 0 && runs[^1].Voice == voice)
            runs[^1] = new WebVttVoiceText(voice, runs[^1].Text + " " + decoded);
        else
            runs.Add(new WebVttVoiceText(voice, decoded));
    }

    // Removing tags and joining cue lines leaves uneven spacing that is not part of what was said.
    private static string Collapse(string value)
    {
        var result = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (!char.IsWhiteSpace(c)) result.Append(c);
            else if (result.Length > 0 && result[^1] != ' ') result.Append(' ');
        }
        if (result.Length > 0 && result[^1] == ' ') result.Length--;
        return result.ToString();
    }
}
