using System.Globalization;
using System.Text;

namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// Folds a word to the key used for every gazetteer and list lookup: lower case, accents removed
/// ("José" = "jose"), full-width, styled and ligature letters mapped to ASCII ("Ｄａｖｅ" = "𝐃𝐚𝐯𝐞" = "dave"), zero-width and other format
/// characters dropped ("Da\u200Bve" = "dave"), curly apostrophes made straight. A name written with any of
/// these is therefore found as well as the plain one; the span still covers the original characters.
/// </summary>
internal static class TextFolding
{
    /// <summary>The folded key of <paramref name="word"/>.</summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        var ascii = true;
        foreach (var c in word)
            if (c > 0x7F || c == '\'') { ascii = false; break; }
        if (ascii)
        {
            // The common case: plain ASCII, only lower-cased (one allocation).
            return string.Create(word.Length, word.ToString(), static (dest, src) =>
            {
                for (var i = 0; i < src.Length; i++) dest[i] = char.ToLowerInvariant(src[i]);
            });
        }
        var sb = new StringBuilder(word.Length);
        foreach (var raw in word)
        {
            var c = raw;
            if (c is >= '\uFF01' and <= '\uFF5E') c = (char)(c - 0xFEE0);
            if (c is '’' or '‘' or 'ʼ' or '`') c = '\'';
            if (char.GetUnicodeCategory(c) == UnicodeCategory.Format) continue;
            sb.Append(c);
        }
        // Compatibility decomposition also folds ligatures ("ﬃ" = "ffi") and styled letters ("𝐓𝐚𝐧𝐤" = "Tank").
        var decomposed = sb.ToString().Normalize(NormalizationForm.FormKD);
        sb.Clear();
        foreach (var c in decomposed)
        {
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) continue;
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Letters and digits, combining marks, and format characters inside a word are word characters.</summary>
    public static bool IsWordChar(char c)
    {
        if (char.IsLetterOrDigit(c)) return true;
        return char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    /// <summary>
    /// Whether the character at <paramref name="i"/> belongs to a word: <see cref="IsWordChar(char)"/>, or
    /// either half of a surrogate pair that encodes a letter or digit (mathematical and other styled
    /// letters lie outside the 16-bit range, and a name written in them must still be one word).
    /// </summary>
    public static bool IsWordCharAt(string text, int i)
    {
        var c = text[i];
        if (!char.IsSurrogate(c)) return IsWordChar(c);
        var start = char.IsLowSurrogate(c) && i > 0 ? i - 1 : i;
        return Rune.DecodeFromUtf16(text.AsSpan(start), out var rune, out _) == System.Buffers.OperationStatus.Done && Rune.IsLetterOrDigit(rune);
    }

    /// <summary>Zero-width spaces and joiners, soft hyphens and the like: invisible, so they must not split a word.</summary>
    public static bool IsInvisible(char c) => char.GetUnicodeCategory(c) == UnicodeCategory.Format;

    /// <summary>An apostrophe as people and word processors type it.</summary>
    public static bool IsApostrophe(char c) => c is '\'' or '’' or 'ʼ';

    /// <summary>The shape of a word from its letters (folded, so full-width capitals count as capitals).</summary>
    public static WordShape ShapeOf(ReadOnlySpan<char> word)
    {
        // Styled letters ("𝐓𝐚𝐧𝐤") have their case only once decomposed to plain ones.
        if (word.ContainsAnyInRange('\uD800', '\uDFFF')) return ShapeOf(word.ToString().Normalize(NormalizationForm.FormKD));
        int upper = 0, lower = 0, digits = 0;
        var firstLetterUpper = false;
        var seenLetter = false;
        foreach (var raw in word)
        {
            var c = raw is >= '\uFF01' and <= '\uFF5E' ? (char)(raw - 0xFEE0) : raw;
            if (char.IsDigit(c)) { digits++; continue; }
            if (!char.IsLetter(c)) continue;
            if (char.IsUpper(c)) { upper++; if (!seenLetter) firstLetterUpper = true; }
            else if (char.IsLower(c)) lower++;
            seenLetter = true;
        }
        if (digits > 0 && upper + lower == 0) return WordShape.Other;
        if (upper == 0) return lower > 0 ? WordShape.Lower : WordShape.Other;
        if (lower == 0) return upper == 1 ? WordShape.Capitalised : WordShape.AllCaps;
        return firstLetterUpper ? WordShape.Capitalised : WordShape.Other;
    }
}
