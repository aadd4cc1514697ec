namespace Workflow.Engines.Local.Diarization;

/// <summary>The merges of an agglomerative clustering, cheapest first; cutting it gives any number of groups.</summary>
internal sealed class Dendrogram(int pointCount, IReadOnlyList<(int A, int B, double Height)> merges)
{
    public int PointCount { get; } = pointCount;

    public IReadOnlyList<(int A, int B, double Height)> Merges { get; } = merges;

    /// <summary>
    /// Labels 0..k-1 for each point after applying all but the last <paramref name="groups"/> - 1 merges;
    /// labels are numbered by each group's first point so the result does not depend on merge order.
    /// </summary>
    public int[] Cut(int groups)
    {
        groups = Math.Clamp(groups, 1, Math.Max(1, PointCount));
        var parent = Enumerable.Range(0, PointCount).ToArray();
        for (var m = 0; m < PointCount - groups && m < Merges.Count; m++)
            parent[Find(parent, Merges[m].A)] = Find(parent, Merges[m].B);

        var labels = new int[PointCount];
        var numbers = new Dictionary<int, int>();
        for (var i = 0; i < PointCount; i++)
        {
            var root = Find(parent, i);
            if (!numbers.TryGetValue(root, out var label)) numbers[root] = label = numbers.Count;
            labels[i] = label;
        }
        return labels;
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }
}
