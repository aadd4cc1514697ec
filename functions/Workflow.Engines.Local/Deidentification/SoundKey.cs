using System.Text;

namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// A coarse sound key for English names as speech recognition spells them ("Katherine"/"Cathryn",
/// "Stephen"/"Steven", "Phillipa"/"Filipa"): common spellings of one sound are merged (ph/f, ck/c/k/q,
/// z/s, v/ph), vowels after the first letter and h/w/y are dropped, and doubled consonants collapse.
/// A finding from it is only ever a suggestion for a coder.
/// </summary>
internal static class SoundKey
{
    /// <summary>The key of a folded lower-case word.</summary>
    public static string Of(string word)
    {
        var s = word.Replace("ph", "f", StringComparison.Ordinal).Replace("ck", "k", StringComparison.Ordinal)
            .Replace("th", "t", StringComparison.Ordinal).Replace("gh", "g", StringComparison.Ordinal);
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i] switch
            {
                'c' or 'q' => 'k',
                'z' => 's',
                'v' => 'f',
                'x' => 'k',
                'j' => 'g',
                var other => other,
            };
            // The first letter keeps its sound class; later vowels and glides carry little of the name.
            if (i > 0 && c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'h' or 'w') continue;
            if (i == 0 && c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y') c = 'a';
            if (sb.Length > 0 && sb[^1] == c) continue;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
