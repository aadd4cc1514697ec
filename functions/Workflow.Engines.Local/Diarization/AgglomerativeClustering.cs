namespace Workflow.Engines.Local.Diarization;

/// <summary>
/// Bottom-up clustering of feature vectors. Each active group caches its nearest neighbour, so a merge
/// costs O(n) plus rescans for the few groups whose neighbour it was: O(n²) in practice instead of the
/// O(n³) of rescanning the whole matrix. That is exact for average and Ward linkage because a merged
/// group is never nearer to a third group than the nearer of its two parts.
/// Memory is the n×n distance matrix, so callers bound n.
/// </summary>
internal static class AgglomerativeClustering
{
    public static Dendrogram Build(IReadOnlyList<double[]> points, Linkage linkage)
    {
        var n = points.Count;
        var distance = new double[n * n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < i; j++)
                distance[i * n + j] = distance[j * n + i] = Distance(points[i], points[j], linkage);

        var active = Enumerable.Repeat(true, n).ToArray();
        var size = Enumerable.Repeat(1, n).ToArray();
        var nearest = new int[n];
        var nearestDistance = new double[n];
        for (var i = 0; i < n; i++) FindNearest(i);

        var merges = new List<(int, int, double)>(Math.Max(0, n - 1));
        for (var step = 0; step < n - 1; step++)
        {
            var a = -1;
            for (var i = 0; i < n; i++)
                if (active[i] && (a < 0 || nearestDistance[i] < nearestDistance[a])) a = i;
            var b = nearest[a];
            var height = nearestDistance[a];

            for (var k = 0; k < n; k++)
            {
                if (!active[k] || k == a || k == b) continue;
                var merged = linkage == Linkage.Ward
                    ? ((size[a] + size[k]) * distance[a * n + k] + (size[b] + size[k]) * distance[b * n + k] - size[k] * height)
                      / (size[a] + size[b] + size[k])
                    : (size[a] * distance[a * n + k] + size[b] * distance[b * n + k]) / (size[a] + size[b]);
                distance[a * n + k] = distance[k * n + a] = merged;
            }
            active[b] = false;
            size[a] += size[b];
            merges.Add((a, b, height));

            for (var k = 0; k < n; k++)
            {
                if (!active[k] || k == a) continue;
                if (nearest[k] == a || nearest[k] == b) FindNearest(k);
                else if (distance[k * n + a] < nearestDistance[k]) (nearest[k], nearestDistance[k]) = (a, distance[k * n + a]);
            }
            FindNearest(a);
        }
        return new Dendrogram(n, merges);

        void FindNearest(int i)
        {
            nearest[i] = -1;
            nearestDistance[i] = double.PositiveInfinity;
            for (var k = 0; k < n; k++)
                if (active[k] && k != i && distance[i * n + k] < nearestDistance[i]) (nearest[i], nearestDistance[i]) = (k, distance[i * n + k]);
        }
    }

    /// <summary>Cosine distance for average linkage; squared Euclidean for Ward (its update formula needs it).</summary>
    public static double Distance(double[] x, double[] y, Linkage linkage)
    {
        if (linkage == Linkage.Ward)
        {
            var squared = 0.0;
            for (var i = 0; i < x.Length; i++) squared += (x[i] - y[i]) * (x[i] - y[i]);
            return squared;
        }
        double dot = 0, xx = 0, yy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            dot += x[i] * y[i];
            xx += x[i] * x[i];
            yy += y[i] * y[i];
        }
        return xx == 0 || yy == 0 ? 1 : 1 - dot / Math.Sqrt(xx * yy);
    }
}
