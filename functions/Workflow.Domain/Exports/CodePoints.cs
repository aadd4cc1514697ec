namespace Workflow.Domain.Exports;

/// <summary>
/// Conversions between UTF-16 offsets (how .NET strings and the domain count) and Unicode code points
/// (how REFI-QDA counts positions): "café 🙂" is 7 code points but 8 UTF-16 units.
/// </summary>
public static class CodePoints
{
    /// <summary>Code points in <paramref name="text"/>; a lone surrogate counts as one, as it would be replaced by one character.</summary>
    public static int Count(ReadOnlySpan<char> text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++, count++)
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
        return count;
    }

    /// <summary>The UTF-16 offset of code point <paramref name="codePoint"/> in <paramref name="text"/> (clamped to its length).</summary>
    public static int ToUtf16(string text, int codePoint)
    {
        var i = 0;
        for (var n = 0; n < codePoint && i < text.Length; n++)
            i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
        return i;
    }

    /// <summary>The text between two code-point positions.</summary>
    public static string Slice(string text, int start, int end)
    {
        var from = ToUtf16(text, start);
        return text[from..ToUtf16(text, Math.Max(start, end))];
    }

    /// <summary>Rune-safe clamp: moves a UTF-16 offset off the middle of a surrogate pair.</summary>
    public static int Clamp(string text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        return offset > 0 && offset < text.Length && char.IsLowSurrogate(text[offset]) && char.IsHighSurrogate(text[offset - 1]) ? offset - 1 : offset;
    }
}
