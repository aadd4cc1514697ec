using Workflow.Domain.Coding.Learning;

namespace Workflow.Domain.Tests.Coding.Learning;

public class LogisticRegressionTests
{
    /// <summary>Points on the unit circle in two dimensions; the positives are those with x above <paramref name="cut"/>.</summary>
    private static (List<FeatureVector> X, List<bool> Y) Circle(int count, double cut, int seed)
    {
        var random = new Random(seed);
        var x = new List<FeatureVector>();
        var y = new List<bool>();
        for (var i = 0; i < count; i++)
        {
            var angle = random.NextDouble() * 2 * Math.PI;
            x.Add(new FeatureVector([(float)Math.Cos(angle), (float)Math.Sin(angle)]));
            y.Add(Math.Cos(angle) > cut);
        }
        return (x, y);
    }

    [Fact]
    public void ASeparableDenseProblem_IsLearnt_AndHoldsOnPointsItDidNotSee()
    {
        var (x, y) = Circle(400, 0.3, seed: 1);
        var model = LogisticRegression.Train(x, y, denseDimensions: 2);

        var (testX, testY) = Circle(200, 0.3, seed: 2);
        var correct = testX.Zip(testY).Count(p => (model.Probability(p.First) >= 0.5) == p.Second);
        Assert.True(correct >= 190, $"{correct} of 200 right");
        Assert.True(model.DenseWeights[0] > 0 && Math.Abs(model.DenseWeights[1]) < model.DenseWeights[0] / 4);
    }

    [Fact]
    public void AWordThatMarksTheCode_GetsTheWeight_ThroughTheSparsePart()
    {
        string[] positives = ["the waiting list was long", "months on a waiting list", "still waiting for a place", "waiting and waiting"];
        string[] negatives = ["the staff were kind", "my key worker listens", "group meetings help", "the building is clean"];
        var x = positives.Concat(negatives).Select(t => { var (i, v) = LexicalFeatures.Of(t); return new FeatureVector([], i, v); }).ToList();
        var y = positives.Select(_ => true).Concat(negatives.Select(_ => false)).ToList();

        var model = LogisticRegression.Train(x, y, denseDimensions: 0, new LogisticTraining(Epochs: 60));

        var unseen = LexicalFeatures.Of("we were waiting weeks");
        var other = LexicalFeatures.Of("kind staff");
        Assert.True(model.Probability(new FeatureVector([], unseen.Indices, unseen.Values)) > 0.5);
        Assert.True(model.Probability(new FeatureVector([], other.Indices, other.Values)) < 0.5);
    }

    [Fact]
    public void StandardisedDenseFeatures_LearnASignalInATinyOffsetDimension_AndTheModelReadsRawFeatures()
    {
        // The circle shrunk to a hundredth and moved to (5, 5): the signal is small next to the offset.
        static List<FeatureVector> Shrunk(List<FeatureVector> x) =>
            x.Select(v => new FeatureVector([5 + v.Dense[0] / 100, 5 + v.Dense[1] / 100])).ToList();
        var (x, y) = Circle(400, 0.3, seed: 1);
        var (testX, testY) = Circle(200, 0.3, seed: 2);

        var model = LogisticRegression.Train(Shrunk(x), y, denseDimensions: 2, new LogisticTraining(StandardizeDense: true));

        var correct = Shrunk(testX).Zip(testY).Count(p => (model.Probability(p.First) >= 0.5) == p.Second);
        Assert.True(correct >= 190, $"{correct} of 200 right");
    }

    [Fact]
    public void AveragingOnlyTheLaterEpochs_StillLearns_EvenWhenAskedToStartAfterTheLast()
    {
        var (x, y) = Circle(400, 0.3, seed: 1);
        var (testX, testY) = Circle(200, 0.3, seed: 2);

        foreach (var from in new[] { 5, 100 })
        {
            var model = LogisticRegression.Train(x, y, denseDimensions: 2, new LogisticTraining(AverageFromEpoch: from));
            var correct = testX.Zip(testY).Count(p => (model.Probability(p.First) >= 0.5) == p.Second);
            Assert.True(correct >= 190, $"averaging from epoch {from}: {correct} of 200 right");
        }
    }

    [Fact]
    public void Training_IsDeterministic_ForASeed()
    {
        var (x, y) = Circle(100, 0, seed: 3);

        var a = LogisticRegression.Train(x, y, 2);
        var b = LogisticRegression.Train(x, y, 2);
        var c = LogisticRegression.Train(x, y, 2, new LogisticTraining(Seed: 99));

        Assert.Equal(a.DenseWeights, b.DenseWeights);
        Assert.Equal(a.Bias, b.Bias);
        Assert.NotEqual(a.DenseWeights, c.DenseWeights);
    }

    [Fact]
    public void ExamplesAndLabels_MustPairUp()
    {
        Assert.Throws<ArgumentException>(() => LogisticRegression.Train([new FeatureVector([1f])], [true, false], 1));
    }
}
