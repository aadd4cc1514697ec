namespace Workflow.Engines.Local.Diarization;

/// <summary>How the number of speakers is chosen when nobody said.</summary>
internal enum CountCriterion
{
    /// <summary>Best mean silhouette over 2..max, and one speaker unless it shows at least "reasonable structure".</summary>
    Silhouette,

    /// <summary>Bayesian information criterion of one full-covariance Gaussian per speaker over cepstral frames.</summary>
    Bic,
}

/// <summary>
/// Chooses how many voices a recording holds when nobody said. The silhouette rule uses Kaufman and
/// Rousseeuw's published reading of the mean silhouette (at most 0.25: "no substantial structure"), so a
/// recording splits into speakers only when its windows form groups that are clearly apart; otherwise
/// it stays one speaker. Neither rule has a constant fitted to any recording.
/// </summary>
internal static class SpeakerCountCriterion
{
    /// <summary>Kaufman and Rousseeuw (1990): a mean silhouette up to 0.25 means no substantial structure was found.</summary>
    public const double NoSubstantialStructure = 0.25;

    public static (int Count, IReadOnlyList<double> Scores) BySilhouette(Dendrogram dendrogram, IReadOnlyList<double[]> points, Linkage linkage, int maxSpeakers)
    {
        var distances = Silhouette.Distances(points, linkage);
        var scores = new List<double> { NoSubstantialStructure };
        var best = 1;
        for (var k = 2; k <= Math.Min(maxSpeakers, dendrogram.PointCount - 1); k++)
        {
            scores.Add(Silhouette.Mean(distances, dendrogram.Cut(k), k));
            if (scores[^1] > scores[best - 1]) best = k;
        }
        return (best, scores);
    }

    /// <summary>The k in 1..<paramref name="maxSpeakers"/> whose cut of <paramref name="dendrogram"/> has the best BIC, with every score for diagnostics.</summary>
    public static (int Count, IReadOnlyList<double> Scores) ByBic(Dendrogram dendrogram, IReadOnlyList<GaussianStatistics> points, int maxSpeakers)
    {
        var scores = new List<double>();
        var best = 1;
        for (var k = 1; k <= Math.Min(maxSpeakers, dendrogram.PointCount); k++)
        {
            var score = Score(dendrogram.Cut(k), points, k);
            scores.Add(score);
            if (score > scores[best - 1]) best = k;
        }
        return (best, scores);
    }

    /// <summary>BIC of one grouping (larger is better); constants common to every k are left out.</summary>
    public static double Score(IReadOnlyList<int> labels, IReadOnlyList<GaussianStatistics> points, int groups)
    {
        var dimension = points[0].Dimension;
        var clusters = Enumerable.Range(0, groups).Select(_ => new GaussianStatistics(dimension)).ToArray();
        for (var i = 0; i < points.Count; i++) clusters[labels[i]].Add(points[i]);

        var frames = clusters.Sum(c => c.Count);
        var parameters = dimension + dimension * (dimension + 1) / 2.0;
        var logLikelihood = clusters.Where(c => c.Count > 1).Sum(c => -0.5 * c.Count * c.LogDeterminant());
        return logLikelihood - 0.5 * groups * parameters * Math.Log(frames);
    }
}
