using Workflow.Engines.Local.Diarization;

namespace Workflow.Engines.Local.Tests.Diarization;

public sealed class SpeakerCountTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Choose_DistinctSyntheticVoices_FindsHowManyThereAre(int voices)
    {
        var (_, features, _) = SyntheticFrames.Windows(voices, windowsPerVoice: 12, separation: 1.5, seed: voices);
        var points = features.Select(f => f!.Vector).ToList();

        var (count, scores) = SpeakerCountCriterion.BySilhouette(AgglomerativeClustering.Build(points, Linkage.Ward), points, Linkage.Ward, maxSpeakers: 8);

        Assert.True(count == voices, $"chose {count}; BIC by k: {string.Join(", ", scores.Select(s => s.ToString("0.000")))}");
    }

    [Fact]
    public void Score_SplittingOneVoice_CostsMoreThanItGains()
    {
        var (_, features, _) = SyntheticFrames.Windows(1, windowsPerVoice: 20, separation: 0, seed: 11);
        var gaussians = features.Select(f => f!.Gaussian).ToList();
        var halves = Enumerable.Range(0, 20).Select(i => i < 10 ? 0 : 1).ToList();

        Assert.True(SpeakerCountCriterion.Score(new int[20], gaussians, 1) > SpeakerCountCriterion.Score(halves, gaussians, 2));
    }

    [Fact]
    public void LogDeterminant_IdentityScaledFrames_MatchesTheVariance()
    {
        var statistics = new GaussianStatistics(2);
        // Four frames at (±1, ±2): variances 1 and 4, no correlation, so log|Σ| = ln 4.
        foreach (var (x, y) in new[] { (1.0, 2.0), (-1.0, 2.0), (1.0, -2.0), (-1.0, -2.0) }) statistics.Add([x, y]);

        Assert.Equal(Math.Log(4), statistics.LogDeterminant(), 4);
    }
}
