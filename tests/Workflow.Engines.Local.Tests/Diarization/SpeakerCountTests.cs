using Workflow.Engines.Local.Diarization;

namespace Workflow.Engines.Local.Tests.Diarization;

public sealed class SpeakerCountTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(6)]
    public void BySilhouette_DistinctSyntheticVoices_FindsHowManyThereAre(int voices)
    {
        var (_, features, truth) = SyntheticFrames.Windows(voices, windowsPerVoice: 15, separation: 3, seed: voices);
        var points = Standardised(features.Select(f => f!.Vector).ToList());

        var (count, labels, scores) = SpeakerCountCriterion.BySilhouette(AgglomerativeClustering.Build(points, Linkage.Ward), points, Linkage.Ward, maxSpeakers: 8);

        Assert.True(count == voices, $"chose {count}; silhouettes for k = 2..: {string.Join(", ", scores.Select(s => s.ToString("0.000")))}");
        Assert.Equal(truth.Distinct().Count(), labels.Distinct().Count());
    }

    [Fact]
    public void BySilhouette_FewWindows_NeverTriesFewerThanFiveWindowsPerSpeaker()
    {
        var (_, features, _) = SyntheticFrames.Windows(1, windowsPerVoice: 12, separation: 0, seed: 5);
        var points = Standardised(features.Select(f => f!.Vector).ToList());

        var (_, _, scores) = SpeakerCountCriterion.BySilhouette(AgglomerativeClustering.Build(points, Linkage.Ward), points, Linkage.Ward, maxSpeakers: 8);

        Assert.Single(scores); // 12 windows: only k = 2 is tried
    }

    [Fact]
    public void Silhouette_TwoTightFarGroups_IsNearOne_AndOneShuffledGroupNearZero()
    {
        double[][] points = [[0, 0], [0, 0.1], [10, 0], [10, 0.1]];
        var distances = Silhouette.Distances(points, Linkage.Ward);

        Assert.True(Silhouette.Mean(distances, [0, 1, 2, 3], [0, 0, 1, 1], 2) > 0.98);
        Assert.True(Silhouette.Mean(distances, [0, 1, 2, 3], [0, 1, 0, 1], 2) < 0);
    }

    private static List<double[]> Standardised(List<double[]> vectors)
    {
        var dimension = vectors[0].Length;
        var mean = Enumerable.Range(0, dimension).Select(d => vectors.Average(v => v[d])).ToArray();
        var deviation = Enumerable.Range(0, dimension).Select(d => Math.Sqrt(vectors.Average(v => Math.Pow(v[d] - mean[d], 2))) + 1e-9).ToArray();
        return vectors.Select(v => v.Select((x, d) => (x - mean[d]) / deviation[d]).ToArray()).ToList();
    }
}
