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

    /// <summary>
    /// Like <see cref="LongestMatch"/>, but an entry may also end on the core of a word with a clitic
    /// ("Jo's", "Mouse'll": the end is before the apostrophe) or continue through a word whose clitic is part
    /// of the entry ("St Mary's Church"). Returns the value, the last token and the end offset.
    /// </summary>
    public (T Value, int Last, int End)? LongestMatchWithClitics(NameText text, int first, Func<NameText, int, bool> joinable)
    {
        (T, int, int)? best = null;
        var node = _root;
        for (var i = first; i < text.Tokens.Count; i++)
        {
            if (i > first && !joinable(text, i - 1)) break;
            var t = text.Tokens[i];
            if (node.Children is null) break;
            if (t.HasClitic && node.Children.TryGetValue(t.Key, out var core) && core.Value is not null) best = (core.Value, i, t.CoreEnd);
            if (!node.Children.TryGetValue(t.HasClitic ? t.FullKey : t.Key, out var next)) break;
            node = next;
            if (node.Value is not null) best = (node.Value, i, t.End);
        }
        return best;
    }

    private sealed class Node
    {
        public Dictionary<string, Node>? Children { get; set; }

        public T? Value { get; set; }
    }
}
