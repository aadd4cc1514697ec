using Workflow.Engines.Local.Diarization;

namespace Workflow.Engines.Local.Tests.Diarization;

public sealed class ClusteringTests
{
    /// <summary>Points scattered around the given centres, <paramref name="perCentre"/> each, interleaved so order gives nothing away.</summary>
    private static (List<double[]> Points, List<int> Truth) Blobs(double[][] centres, int perCentre, double spread, int seed)
    {
        var random = new Random(seed);
        var points = new List<double[]>();
        var truth = new List<int>();
        for (var i = 0; i < perCentre; i++)
            foreach (var (centre, c) in centres.Select((c, k) => (c, k)))
            {
                points.Add(centre.Select(x => x + (random.NextDouble() * 2 - 1) * spread).ToArray());
                truth.Add(c);
            }
        return (points, truth);
    }

    private static void AssertSamePartition(IReadOnlyList<int> expected, IReadOnlyList<int> actual)
    {
        for (var i = 0; i < expected.Count; i++)
            for (var j = 0; j < i; j++)
                Assert.Equal(expected[i] == expected[j], actual[i] == actual[j]);
    }

    [Theory]
    [InlineData(nameof(Linkage.AverageCosine))]
    [InlineData(nameof(Linkage.Ward))]
    public void Cut_SeparableBlobs_RecoversThem(string linkageName)
    {
        var linkage = Enum.Parse<Linkage>(linkageName);
        double[][] centres = [[5, 0, 0], [0, 5, 0], [0, 0, 5], [-5, -5, 0]];
        var (points, truth) = Blobs(centres, perCentre: 10, spread: 0.8, seed: 3);

        var labels = AgglomerativeClustering.Build(points, linkage).Cut(4);

        AssertSamePartition(truth, labels);
    }

    [Fact]
    public void Build_MergeHeights_NeverDecrease()
    {
        var (points, _) = Blobs([[1, 0], [0, 1], [-1, 0]], perCentre: 15, spread: 0.5, seed: 9);

        var merges = AgglomerativeClustering.Build(points, Linkage.AverageCosine).Merges;

        Assert.Equal(points.Count - 1, merges.Count);
        for (var i = 1; i < merges.Count; i++) Assert.True(merges[i].Height >= merges[i - 1].Height - 1e-12);
    }

    [Fact]
    public void Cut_NumbersGroupsByTheirFirstPoint()
    {
        double[][] points = [[0, 10], [10, 0], [0, 11], [11, 0]];

        Assert.Equal([0, 1, 0, 1], AgglomerativeClustering.Build(points, Linkage.Ward).Cut(2));
        Assert.Equal([0, 0, 0, 0], AgglomerativeClustering.Build(points, Linkage.Ward).Cut(1));
        Assert.Equal([0, 1, 2, 3], AgglomerativeClustering.Build(points, Linkage.Ward).Cut(9));
    }

    [Fact]
    public void Distance_Cosine_IgnoresLength_Ward_DoesNot()
    {
        Assert.Equal(0, AgglomerativeClustering.Distance([1, 2], [2, 4], Linkage.AverageCosine), 12);
        Assert.Equal(1, AgglomerativeClustering.Distance([1, 0], [0, 3], Linkage.AverageCosine), 12);
        Assert.Equal(5, AgglomerativeClustering.Distance([1, 2], [2, 4], Linkage.Ward), 12);
    }
}
