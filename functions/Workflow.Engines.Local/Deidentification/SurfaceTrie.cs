using Workflow.Domain.Deidentification;

namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// The study list's surfaces as a trie of words, compared without case. Matching walks forward from
/// each word of the text at most as deep as the longest surface, so cost grows with the text, not with
/// text length times list length.
/// </summary>
internal sealed class SurfaceTrie
{
    private readonly Node _root = new();

    /// <summary>Adds one surface; when two identifiers share a surface, the first added keeps it.</summary>
    public void Add(string surface, StudyIdentifier identifier)
    {
        var words = WordToken.Split(surface);
        if (words.Count == 0) return;
        var node = _root;
        foreach (var word in words)
        {
            var key = surface[word.Start..word.End];
            if (!node.Children.TryGetValue(key, out var child))
                node.Children[key] = child = new Node();
            node = child;
        }
        node.Identifier ??= identifier;
    }

    /// <summary>
    /// The longest surface starting at word <paramref name="first"/>: the identifier, the index of its
    /// last word, and the end offset (before a possessive 's on the last word when the surface lacks it).
    /// </summary>
    public (StudyIdentifier Identifier, int LastWord, int End)? LongestMatch(string text, List<WordToken> words, int first)
    {
        (StudyIdentifier, int, int)? best = null;
        var node = _root;
        for (var i = first; i < words.Count; i++)
        {
            if (i > first && !IsJoinable(text.AsSpan(words[i - 1].End, words[i].Start - words[i - 1].End))) break;
            var word = words[i];
            if (word.HasPossessive && node.Lookup.TryGetValue(text.AsSpan(word.Start, word.CoreEnd - word.Start), out var core) && core.Identifier is not null)
                best = (core.Identifier, i, word.CoreEnd);
            if (!node.Lookup.TryGetValue(text.AsSpan(word.Start, word.End - word.Start), out var next)) break;
            node = next;
            if (node.Identifier is not null) best = (node.Identifier, i, word.End);
        }
        return best;
    }

    /// <summary>Words of one name may be separated by spaces, line breaks or a little punctuation ("Jean-Paul", "St. Mary").</summary>
    private static bool IsJoinable(ReadOnlySpan<char> gap)
    {
        var punctuation = 0;
        foreach (var c in gap)
        {
            if (char.IsWhiteSpace(c)) continue;
            if (c is '-' or '.' or ',' or '\'' or '’' && ++punctuation <= 2) continue;
            return false;
        }
        return true;
    }

    private sealed class Node
    {
        public Node() => Lookup = Children.GetAlternateLookup<ReadOnlySpan<char>>();

        public Dictionary<string, Node> Children { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, Node>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; }

        public StudyIdentifier? Identifier { get; set; }
    }
}
