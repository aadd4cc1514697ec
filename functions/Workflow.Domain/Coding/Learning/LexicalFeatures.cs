using System.Text;

namespace Workflow.Domain.Coding.Learning;

/// <summary>
/// Words and adjacent word pairs of a de-identified segment, lower-cased and hashed into a fixed number
/// of buckets (FNV-1a, so the same text gives the same features in every process, unlike
/// <c>string.GetHashCode</c>), weighted 1 + ln(count) and scaled to unit length. Pseudonym labels
/// (<c>[PERSON_3]</c>) and anything else in square brackets are left out: a label says nothing about
/// the topic, and its number would tie a code to one participant. Pure.
/// </summary>
public static class LexicalFeatures
{
    /// <summary>Hash buckets (2^14): collisions stay rare for the vocabulary of one study.</summary>
    public const int Buckets = 1 << 14;

    // Longer tokens are cut: nothing a coder means is in the 41st letter, and hostile input stays cheap.
    private const int MaxTokenLength = 40;

    public static (int[] Indices, float[] Values) Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var counts = new Dictionary<int, int>();
        string? previous = null;
        foreach (var word in Tokens(text))
        {
            if (word.Length == 0)
            {
                previous = null;
                continue;
            }
            Add(counts, Hash("w:" + word));
            if (previous is not null) Add(counts, Hash("b:" + previous + " " + word));
            previous = word;
        }
        var indices = counts.Keys.Order().ToArray();
        var values = indices.Select(i => 1 + MathF.Log(counts[i])).ToArray();
        var norm = MathF.Sqrt(values.Sum(v => v * v));
        if (norm == 0) return ([], []);
        for (var i = 0; i < values.Length; i++) values[i] /= norm;
        return (indices, values);
    }

    /// <summary>The lower-cased words (letters, digits, inner apostrophes) outside square brackets.</summary>
    public static IEnumerable<string> Words(string text) => Tokens(text).Where(t => t.Length > 0);

    /// <summary>The words, with an empty token where a bracketed span was, so no word pair spans a label.</summary>
    private static IEnumerable<string> Tokens(string text)
    {
        var word = new StringBuilder();
        var depth = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            var inWord = depth == 0 && (char.IsLetterOrDigit(c) || (c is '\'' or '’' && word.Length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1])));
            if (inWord)
            {
                if (word.Length < MaxTokenLength) word.Append(char.ToLowerInvariant(c == '’' ? '\'' : c));
                continue;
            }
            if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
            if (c == '[' && depth++ == 0) yield return "";
            else if (c == ']' && depth > 0) depth--;
        }
    }

    private static void Add(Dictionary<int, int> counts, int bucket) => counts[bucket] = counts.GetValueOrDefault(bucket) + 1;

    private static int Hash(string token)
    {
        var hash = 2166136261u;
        foreach (var c in token)
        {
            hash = unchecked((hash ^ (uint)(c & 0xFF)) * 16777619u);
            hash = unchecked((hash ^ (uint)(c >> 8)) * 16777619u);
        }
        return (int)(hash % (uint)Buckets);
    }
}
