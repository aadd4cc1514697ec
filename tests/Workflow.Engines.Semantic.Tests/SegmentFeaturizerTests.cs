using Workflow.Domain.Coding;
using Workflow.Engines.Semantic;

namespace Workflow.Engines.Semantic.Tests;

/// <summary>The learning coder's reading of segments, on the real all-MiniLM-L6-v2 model.</summary>
public class SegmentFeaturizerTests
{
    private static readonly Segment[] Turns =
    [
        new("q1", 0, 0, 28, "Interviewer", "How long did you wait for a place?", false),
        new("a1", 1, 0, 40, "P001", "Months. We waited months for a place.", true),
        new("a2", 2, 0, 30, "P001", "The staff at [PLACE_1] were kind.", true),
        new("x", 3, 0, 0, "P001", "   ", true),
    ];

    [Fact]
    public void CodableSegments_GetAUnitEmbeddingAndTheirWords_TheRestNothing()
    {
        var features = SegmentFeaturizer.Featurize(Turns, contextWeight: 0.3, batchSize: 2, CancellationToken.None);

        Assert.Equal(["a1", "a2"], features.Keys.Order());
        foreach (var f in features.Values)
        {
            Assert.Equal(SegmentFeaturizer.Dimensions, f.Dense.Length);
            Assert.Equal(1.0, Math.Sqrt(f.Dense.Sum(v => (double)v * v)), 4);
            Assert.NotEmpty(f.SparseIndices);
        }
        Assert.Equal(Workflow.Domain.Coding.Learning.LexicalFeatures.Of(Turns[2].Text).Indices, features["a2"].SparseIndices);
    }

    [Fact]
    public void TheQuestionBefore_IsBlendedIn_OnlyWhenAnotherSpeakerAskedIt()
    {
        var withContext = SegmentFeaturizer.Featurize(Turns, contextWeight: 0.3, batchSize: 8, CancellationToken.None);
        var without = SegmentFeaturizer.Featurize(Turns, contextWeight: 0, batchSize: 8, CancellationToken.None);

        Assert.NotEqual(withContext["a1"].Dense, without["a1"].Dense);
        // a2 follows the same speaker: nothing is blended in (batching in another order changes nothing either).
        Assert.Equal(without["a2"].Dense.Select(v => Math.Round(v, 5)), withContext["a2"].Dense.Select(v => Math.Round(v, 5)));
    }
}
