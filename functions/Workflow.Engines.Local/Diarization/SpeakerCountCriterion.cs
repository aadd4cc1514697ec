namespace Workflow.Engines.Local.Diarization;

/// <summary>
/// Chooses how many voices a recording holds when nobody said. The rule uses Kaufman and
/// Rousseeuw's published reading of the mean silhouette (at most 0.25: "no substantial structure"), so a
/// recording splits into speakers only when its windows form groups that are clearly apart; otherwise
/// it stays one speaker. (The Bayesian information criterion over cepstral frames was tried first and found
/// a speaker in every few windows: frames 10 ms apart are far from independent.)
/// </summary>
internal static class SpeakerCountCriterion
{
    /// <summary>Kaufman and Rousseeuw (1990): a mean silhouette up to 0.25 means no substantial structure was found.</summary>
    public const double NoSubstantialStructure = 0.25;

    /// <summary>Windows per speaker, on average, below which more speakers are not tried.</summary>
    public const int MinWindowsPerSpeaker = 5;

    /// <summary>
    /// The k whose cut of the tree has the best mean silhouette, provided that shows substantial
    /// structure; otherwise one speaker. k is at most n/5 for n windows (on average five windows, about
    /// 10 s, per speaker), because with groups of a window or two the silhouette rises again on
    /// small-sample noise. Known weakness: voices nest (men and women first, then individuals), so in a
    /// focus group the coarse split can score best and the count comes out low; that errs towards
    /// merging voices, never towards inventing them. (Taking the largest k above the threshold instead
    /// found every dev-set count but split a held-out two-voice interview into five.)
    /// </summary>
    /// <returns>The count, its labels (0..count-1 per point) and the silhouette of every k tried from 2.</returns>
    public static (int Count, int[] Labels, IReadOnlyList<double> Scores) BySilhouette(Dendrogram dendrogram, IReadOnlyList<double[]> points, Linkage linkage, int maxSpeakers)
    {
        var distances = Silhouette.Distances(points, linkage);
        var members = Enumerable.Range(0, points.Count).ToList();
        var most = Math.Min(maxSpeakers, points.Count / MinWindowsPerSpeaker);
        var scores = new List<double>();
        var count = 1;
        for (var k = 2; k <= most; k++)
        {
            scores.Add(Silhouette.Mean(distances, members, dendrogram.Cut(k), k));
            if (scores[^1] > NoSubstantialStructure && scores[^1] > (count == 1 ? 0 : scores[count - 2])) count = k;
        }
        return (count, dendrogram.Cut(count), scores);
    }
}
