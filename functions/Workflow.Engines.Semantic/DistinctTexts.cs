namespace Workflow.Engines.Semantic;

/// <summary>
/// The distinct texts of a list and, for each position, which distinct text it holds, so identical
/// texts (short answers such as "Yes." or "Very good service.", or a question quoted again) are
/// encoded once. Ordinal comparison: the model would give the same vector only for the same string. Pure.
/// </summary>
internal sealed record DistinctTexts(IReadOnlyList<string> Texts, int[] IndexOf)
{
    public static DistinctTexts Of(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var distinct = new List<string>();
        var indexOf = new int[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            if (!seen.TryGetValue(texts[i], out var at))
            {
                at = distinct.Count;
                seen[texts[i]] = at;
                distinct.Add(texts[i]);
            }
            indexOf[i] = at;
        }
        return new DistinctTexts(distinct, indexOf);
    }
}
