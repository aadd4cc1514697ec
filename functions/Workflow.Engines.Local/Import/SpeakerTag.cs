namespace Workflow.Engines.Local.Import;

/// <summary>
/// Recognises a <c>Speaker: text</c> tag at the start of a line, the convention shared by plain-text,
/// DOCX and prefixed WebVTT transcripts.
/// </summary>
internal static class SpeakerTag
{
    /// <summary>Longest tag accepted; longer prefixes before a colon are ordinary prose.</summary>
    public const int MaxLength = 40;

    /// <summary>
    /// Splits <paramref name="line"/> (already trimmed) into speaker and text. The colon must not be
    /// followed by '/' and the tag must hold a letter, so URLs ("http://") and clock times ("10:30")
    /// at the start of a continuation line are not mistaken for speakers.
    /// </summary>
    public static bool TryParse(string line, out string speaker, out string text)
    {
        speaker = text = string.Empty;
        var colon = line.IndexOf(':');
        if (colon < 1 || colon > MaxLength) return false;
        if (colon + 1 < line.Length && line[colon + 1] == '/') return false;
        var tag = line.AsSpan(0, colon).Trim();
        if (!IsName(tag)) return false;
        speaker = tag.ToString();
        text = line[(colon + 1)..].Trim();
        return true;
    }

    /// <summary>True when <paramref name="candidate"/> could be a speaker label: letters, digits, spaces, '-' and '.', with at least one letter.</summary>
    public static bool IsName(ReadOnlySpan<char> candidate)
    {
        if (candidate.IsEmpty || candidate.Length > MaxLength) return false;
        var hasLetter = false;
        foreach (var c in candidate)
        {
            if (char.IsLetter(c)) hasLetter = true;
            else if (!char.IsDigit(c) && c != ' ' && c != '-' && c != '.') return false;
        }
        return hasLetter;
    }
}
