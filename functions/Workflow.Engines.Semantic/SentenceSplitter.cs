namespace Workflow.Engines.Semantic;

/// <summary>
/// Splits a segment into sentences (at . ! ? followed by space, and at line breaks), keeping offsets,
/// so each is embedded whole (the model truncates long inputs) and can be shown as evidence. Pure.
/// </summary>
internal static class SentenceSplitter
{
    private const int MinSentenceLength = 3;

    public static List<(int Start, int End)> Split(string text)
    {
        var spans = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var end = text[i] is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])) ? i + 1
                : text[i] == '\n' ? i : -1;
            if (end < 0) continue;
            Add(text, start, end, spans);
            start = i + 1;
        }
        Add(text, start, text.Length, spans);
        if (spans.Count == 0 && text.Trim().Length > 0) spans.Add((0, text.Length));
        return spans;
    }

    private static void Add(string text, int start, int end, List<(int, int)> spans)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end - start >= MinSentenceLength) spans.Add((start, end));
    }
}
