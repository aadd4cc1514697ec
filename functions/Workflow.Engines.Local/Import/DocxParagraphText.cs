using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Workflow.Engines.Local.Import;

/// <summary>
/// Extracts the lines of one Word paragraph for the turn parser. Soft line breaks start new lines; a
/// bold speaker name followed by plain text ("<b>Interviewer</b> So...") is rewritten as a tag.
/// </summary>
internal static class DocxParagraphText
{
    /// <summary>The paragraph's text as lines, with a bold leading speaker turned into <c>Speaker: </c>.</summary>
    public static List<string> Lines(Paragraph paragraph)
    {
        var lines = new List<string>();
        var text = new StringBuilder();
        var boldPrefix = -1;
        foreach (var run in paragraph.Descendants<Run>())
        {
            var bold = IsBold(run);
            foreach (var element in run.ChildElements)
            {
                switch (element)
                {
                    case Text t:
                        // The bold prefix ends where the first plain (not bold) words start.
                        if (lines.Count == 0 && boldPrefix < 0 && !bold && !string.IsNullOrWhiteSpace(t.Text))
                            boldPrefix = text.Length;
                        text.Append(t.Text);
                        break;
                    case TabChar:
                        text.Append('\t');
                        break;
                    case NoBreakHyphen:
                        text.Append('-');
                        break;
                    case Break or CarriageReturn:
                        lines.Add(text.ToString());
                        text.Clear();
                        break;
                }
            }
        }
        lines.Add(text.ToString());

        if (boldPrefix > 0 && boldPrefix < lines[0].Length)
            lines[0] = WithBoldSpeaker(lines[0], boldPrefix);
        return lines;
    }

    private static string WithBoldSpeaker(string line, int boldLength)
    {
        var name = line.AsSpan(0, boldLength).Trim();
        var rest = line.AsSpan(boldLength).Trim();
        // A bold "Interviewer:" is already a tag; bold text that is not a plausible name stays prose.
        if (name.EndsWith(':') || rest.StartsWith(':') || rest.IsEmpty || !SpeakerTag.IsName(name)) return line;
        return string.Concat(name, ": ", rest);
    }

    private static bool IsBold(Run run) =>
        run.RunProperties?.Bold is { } bold && (bold.Val is null || bold.Val.Value);
}
