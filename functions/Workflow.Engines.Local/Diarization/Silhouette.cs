namespace Workflow.Engines.Local.Diarization;

/// <summary>
/// Mean silhouette width of a grouping (Rousseeuw 1987): for each point, how much nearer it is to its
/// own group than to the next nearest group, from -1 to 1. It needs no model of the features, only distances.
/// </summary>
internal static class Silhouette
{
    /// <summary>Pairwise distances (Euclidean for Ward, cosine for average linkage), computed once for every k tried.</summary>
    public static double[,] Distances(IReadOnlyList<double[]> points, Linkage linkage)
    {
        var n = points.Count;
        var distances = new double[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < i; j++)
            {
                var d = AgglomerativeClustering.Distance(points[i], points[j], linkage);
                distances[i, j] = distances[j, i] = linkage == Linkage.Ward ? Math.Sqrt(d) : d;
            }
        return distances;
    }

    /// <summary>Mean silhouette of <paramref name="members"/> (indices into <paramref name="distances"/>) grouped by <paramref name="labels"/> (one per member, 0..groups-1).</summary>
    public static double Mean(double[,] distances, IReadOnlyList<int> members, IReadOnlyList<int> labels, int groups)
    {
        var n = members.Count;
        var sizes = new int[groups];
        foreach (var label in labels) sizes[label]++;
        var total = 0.0;
        var sums = new double[groups];
        for (var i = 0; i < n; i++)
        {
            if (sizes[labels[i]] < 2) continue; // a point alone in its group scores 0 by definition
            Array.Clear(sums);
            for (var j = 0; j < n; j++) if (j != i) sums[labels[j]] += distances[members[i], members[j]];
            var own = sums[labels[i]] / (sizes[labels[i]] - 1);
            var other = double.PositiveInfinity;
            for (var c = 0; c < groups; c++) if (c != labels[i] && sizes[c] > 0) other = Math.Min(other, sums[c] / sizes[c]);
            var widest = Math.Max(own, other);
            total += widest > 0 ? (other - own) / widest : 0;
        }
        return n == 0 ? 0 : total / n;
    }
}
