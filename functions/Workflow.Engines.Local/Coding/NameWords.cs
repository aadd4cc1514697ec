namespace Workflow.Engines.Local.Coding;

/// <summary>
/// Words that stand inside a name the de-identification stage left in the text (one it missed, or a
/// transcript coded before it): two or more capitalised words in a row within a sentence ("at Croydon
/// College", "Hope House"). "College" or "hope" there names a place; it is not the speaker talking
/// about college or hope, so a keyword written in lower case in the codebook does not count there. A
/// keyword the codebook writes with capitals ("Home Office") is a name itself and still matches. A
/// sentence's first word is capitalised anyway, so it never starts a name.
/// </summary>
internal static class NameWords
{
    /// <summary>For each token, whether it is a word of such a name.</summary>
    public static bool[] Of(IReadOnlyList<Token> tokens)
    {
        var inName = new bool[tokens.Count];
        var i = 0;
        while (i < tokens.Count)
        {
            if (!tokens[i].TitleCase || tokens[i].SentenceStart)
            {
                i++;
                continue;
            }
            var end = i + 1;
            while (end < tokens.Count && tokens[end].TitleCase && !tokens[end].BreakBefore) end++;
            if (end - i >= 2) Array.Fill(inName, true, i, end - i);
            i = end;
        }
        return inName;
    }
}
