using System.Text;

namespace Workflow.Engines.Local.Tests.Import.Fuzzing;

/// <summary>Small valid inputs per format for the mutator to start from, and the tokens that steer it.</summary>
internal static class FuzzSamples
{
    public static readonly string[] PlainText =
    [
        "Interviewer: How did you first hear about the user group?\nParticipant: A worker at the clinic told me.\nIt was in the spring.\n",
        "Interviewer: Tell me about the waiting times.\r\n\r\nP017: Six weeks, http://example.org/waiting says so.\r\n10:30 was my slot.\r\nInterviewer: And the script?\r\n",
        "Facilitator: Welcome.\nP1: Thanks.\nP2: Hello everyone, I'm here from Site B.\nFacilitator: Let's start.\n",
    ];

    public static readonly string[] WebVtt =
    [
        "WEBVTT\n\nNOTE a comment\n\n1\n00:00:01.000 --> 00:00:04.000 align:start\n<v Interviewer>How did it start?</v>\n\n00:04.000 --> 00:00:06.500\n<v.loud Participant>With a friend &amp; a <i>worker</i>.\n\n00:00:06.500 --> 00:00:08.000\nInterviewer: And then?\n",
        "WEBVTT - title\n\nSTYLE\n::cue { color: red }\n\n00:00:00.000 --> 00:00:02.000\nNo speaker here\nand a second line\n\nid-2\n00:00:02.000 --> 00:00:03.000\n<v Anna><c.x>Overlap</c> &lt;b&gt;</v><v Ben>mine</v>\n",
    ];

    public static readonly string[] TextGrid =
    [
        "File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n\nxmin = 0\nxmax = 10\ntiers? <exists>\nsize = 2\nitem []:\n    item [1]:\n        class = \"IntervalTier\"\n        name = \"Interviewer\"\n        xmin = 0\n        xmax = 10\n        intervals: size = 2\n        intervals [1]:\n            xmin = 0\n            xmax = 1.5\n            text = \"How did \"\"recovery\"\" start?\"\n        intervals [2]:\n            xmin = 1.5\n            xmax = 10\n            text = \"\"\n    item [2]:\n        class = \"TextTier\"\n        name = \"events\"\n        xmin = 0\n        xmax = 10\n        points: size = 1\n        points [1]:\n            number = 2\n            mark = \"door\"\n",
        "File type = \"ooTextFile\"\n\"TextGrid\"\n0\n4\n<exists>\n1\n\"IntervalTier\"\n\"Participant\"\n0\n4\n2\n0\n2\n\"Slowly, with\na key worker.\" ! a comment\n2\n4\n\"Yes.\"\n",
    ];

    /// <summary>Bodies of word/document.xml (inside <c>w:body</c>).</summary>
    public static readonly string[] DocxBodies =
    [
        RawDocx.Paragraph("Interviewer: How did it start?") + RawDocx.Paragraph("Participant: With a friend.") + "<w:p><w:r><w:t>and then</w:t><w:br/><w:t>Interviewer: go on</w:t></w:r></w:p>",
        "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Interviewer</w:t></w:r><w:r><w:t xml:space=\"preserve\"> So, tell me.</w:t></w:r></w:p><w:p><w:r><w:t>P017: It was hard</w:t><w:tab/><w:t>at first</w:t><w:noBreakHyphen/></w:r></w:p>",
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Interviewer: in a table</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:sdt><w:sdtContent><w:p><w:r><w:t>Participant: in a control</w:t></w:r></w:p></w:sdtContent></w:sdt>",
    ];

    public static readonly string[] TextTokens =
        [":", "Interviewer:", "P1:", "\n", "\r\n", "\r", " ", "\t", "\0", "http://", "10:30", "\u202E", "\uFEFF", "\u0085", "\u2028", new string('x', 50) + ":"];

    public static readonly string[] WebVttTokens =
        [.. TextTokens, "-->", " --> ", "00:00:01.000", "99:59:59.999", "123456789:00:00.000", "00:60:00.000", "<v ", "<v.", "</v>", "<", ">", "&", "&amp;", "&#0;", "&#xD800;", "&#xDFFF;", "&#1114111;", "&#99999999;", "&nbsp;", "WEBVTT", "NOTE", "\n\n"];

    public static readonly string[] TextGridTokens =
        [.. TextTokens, "\"", "\"\"", "!", "<exists>", "<absent>", "\"IntervalTier\"", "\"TextTier\"", "\"ooTextFile\"", "\"ooBinaryFile\"", "-1", "0", "1e308", "1e309", "NaN", "Infinity", "2147483647", "2147483648", "0.5", "-0"];

    public static readonly string[] DocxTokens =
        ["<w:p>", "</w:p>", "<w:r>", "</w:r>", "<w:t>", "</w:t>", "<w:br/>", "<w:cr/>", "<w:tab/>", "<w:rPr><w:b/></w:rPr>", "<w:b w:val=\"0\"/>", "&#0;", "&#xD800;", "&amp;", "&lt;", "<![CDATA[x]]>", "<!-- c -->", "<?pi x?>", "xml:space=\"preserve\"", "Interviewer: ", ":", "\u202E", "<w:p><w:r><w:t>", "</w:t></w:r></w:p>"];

    public static IReadOnlyList<byte[]> Utf8(IEnumerable<string> samples) => samples.Select(Encoding.UTF8.GetBytes).ToList();
}
