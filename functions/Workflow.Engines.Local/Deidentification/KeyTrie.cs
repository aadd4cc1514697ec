namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// Multi-word entries (place names, list surfaces) as a trie of folded word keys. Matching walks forward
/// from one token at most as deep as the longest entry, so the cost grows with the text, not with the
/// size of the gazetteer.
/// </summary>
internal sealed class KeyTrie<T> where T : class
{
    private readonly Node _root = new();

    /// <summary>Number of entries added.</summary>
    public int Count { get; private set; }

    /// <summary>Adds an entry under its word keys; the first value added for a key sequence is kept.</summary>
    public void Add(IReadOnlyList<string> keys, T value)
    {
        if (keys.Count == 0) return;
        var node = _root;
        foreach (var key in keys)
        {
            node.Children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!node.Children.TryGetValue(key, out var child)) node.Children[key] = child = new Node();
            node = child;
        }
        if (node.Value is null) Count++;
        node.Value ??= value;
    }

    /// <summary>
    /// The longest entry starting at token <paramref name="first"/>: its value and last token index.
    /// <paramref name="joinable"/> says whether token i may continue into token i+1 (spacing, hyphens).
    /// </summary>
    public (T Value, int Last)? LongestMatch(NameText text, int first, Func<NameText, int, bool> joinable)
    {
        (T, int)? best = null;
        var node = _root;
        for (var i = first; i < text.Tokens.Count; i++)
        {
            if (i > first && !joinable(text, i - 1)) break;
            if (node.Children is null || !node.Children.TryGetValue(text.Tokens[i].Key, out var next)) break;
            node = next;
            if (node.Value is not null) best = (node.Value, i);
            // A clitic ends the name: "Harbour's Project" is not "Harbour Project".
            if (text.Tokens[i].HasClitic) break;
        }
        return best;
    }

    private sealed class Node
    {
        public Dictionary<string, Node>? Children { get; set; }

        public T? Value { get; set; }
    }
}
