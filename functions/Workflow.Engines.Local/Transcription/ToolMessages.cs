using System.Text.RegularExpressions;

namespace Workflow.Engines.Local.Transcription;

/// <summary>
/// Makes a tool's diagnostic line fit for a user-facing message: no file path (upload names can
/// identify a participant) and no "[demuxer @ 0x...]" noise.
/// </summary>
internal static partial class ToolMessages
{
    public static string Clean(string line, string path)
    {
        var text = line.Replace(path, "the file", StringComparison.Ordinal);
        text = ContextPrefix().Replace(text, "");
        text = text.Trim();
        if (text.StartsWith("the file:", StringComparison.Ordinal)) text = text["the file:".Length..].Trim();
        return text.Length > 200 ? text[..200] + "..." : text;
    }

    [GeneratedRegex(@"^\s*\[[^\]]*@\s*0x[0-9a-fA-F]+\]\s*")]
    private static partial Regex ContextPrefix();
}
