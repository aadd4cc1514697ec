namespace Workflow.Domain.Coding.Learning;

/// <summary>
/// A binary logistic-regression model over <see cref="FeatureVector"/>s: one weight per dense
/// dimension and per hash bucket, and a bias. <see cref="Probability"/> is the model's P(code applies).
/// </summary>
public sealed record LogisticModel(float[] DenseWeights, float[] SparseWeights, float Bias)
{
    public double Probability(FeatureVector x)
    {
        ArgumentNullException.ThrowIfNull(x);
        double z = Bias;
        var dense = Math.Min(x.Dense.Length, DenseWeights.Length);
        for (var i = 0; i < dense; i++) z += DenseWeights[i] * x.Dense[i];
        for (var i = 0; i < x.SparseIndices.Length; i++) z += SparseWeights[x.SparseIndices[i]] * x.SparseValues[i];
        return 1 / (1 + Math.Exp(-z));
    }
}

/// <summary>
/// How <see cref="LogisticRegression"/> trains: L2 strength, passes over the data, step size, the seed of
/// its shuffles, whether dense dimensions are standardised, the first epoch whose iterates are averaged
/// (the early ones, far from the optimum, only drag the average), the cap on the positive class's
/// weight, and a multiplier on the sparse features. The defaults were chosen by cross-validation
/// inside the learning curve's training comments (bench --learning-dev), never on its held-out part.
/// </summary>
public sealed record LogisticTraining(double L2 = 1e-5, int Epochs = 30, double LearningRate = 0.5, int Seed = 17,
    bool StandardizeDense = true, int AverageFromEpoch = 5, double MaxPositiveWeight = 20, double SparseScale = 1)
{
    public static LogisticTraining Default { get; } = new();
}

/// <summary>
/// Trains <see cref="LogisticModel"/>s by stochastic gradient descent on the L2-regularised log loss,
/// with Bottou's decreasing step (eta / (1 + eta * l2 * t)) and the average of the iterates as the
/// result, which converges as well as a batch method at a fraction of its cost for a few thousand
/// examples. Positives are weighted by the class ratio (capped), so a rare code is not learnt as
/// "never". Deterministic for a given seed. Pure.
/// </summary>
public static class LogisticRegression
{
    public static LogisticModel Train(IReadOnlyList<FeatureVector> examples, IReadOnlyList<bool> labels, int denseDimensions, LogisticTraining? training = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(labels);
        if (examples.Count != labels.Count) throw new ArgumentException("Every example needs exactly one label.", nameof(labels));
        var options = training ?? LogisticTraining.Default;
        var positives = labels.Count(l => l);
        var positiveWeight = positives == 0 ? 1 : Math.Clamp((double)(labels.Count - positives) / positives, 1, Math.Max(1, options.MaxPositiveWeight));
        var (mean, spread) = options.StandardizeDense ? DenseScale(examples, denseDimensions) : (new double[denseDimensions], Enumerable.Repeat(1.0, denseDimensions).ToArray());
        // The dense parts as the model reads them, computed once rather than in every epoch's steps.
        var inputs = examples.Select(x =>
        {
            var v = new float[Math.Min(x.Dense.Length, denseDimensions)];
            for (var d = 0; d < v.Length; d++) v[d] = (float)((x.Dense[d] - mean[d]) / spread[d]);
            return v;
        }).ToArray();

        var w = new double[denseDimensions];
        var s = new double[LexicalFeatures.Buckets];
        double b = 0;
        // Weight decay is a running scale (the weights are scale * w, scale * s), so a step costs only
        // the example's own features. The average of the iterates is kept exactly: dense weights every
        // step, sparse ones lazily, from the running sum of the scale since each bucket last changed.
        double scale = 1, scaleSum = 0, bSum = 0;
        var wSum = new double[denseDimensions];
        var sSum = new double[LexicalFeatures.Buckets];
        var scaleSumAtChange = new double[LexicalFeatures.Buckets];
        long t = 0, averaged = 0;
        // At least the last epoch is averaged, whatever was asked.
        var averageFrom = Math.Clamp(options.AverageFromEpoch, 0, Math.Max(0, options.Epochs - 1));
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(options.Seed);

        void Flush(int j)
        {
            sSum[j] += s[j] * (scaleSum - scaleSumAtChange[j]);
            scaleSumAtChange[j] = scaleSum;
        }

        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var x = examples[i];
                var eta = options.LearningRate / (1 + options.LearningRate * options.L2 * t);
                var input = inputs[i];
                var dense = input.Length;
                double z = 0;
                for (var d = 0; d < dense; d++) z += w[d] * input[d];
                for (var k = 0; k < x.SparseIndices.Length; k++) z += s[x.SparseIndices[k]] * x.SparseValues[k] * options.SparseScale;
                var p = 1 / (1 + Math.Exp(-(scale * z + b)));
                var gradient = (labels[i] ? positiveWeight : 1) * (p - (labels[i] ? 1 : 0));

                scale *= 1 - eta * options.L2;
                if (scale < 1e-6)
                {
                    for (var j = 0; j < s.Length; j++) { Flush(j); s[j] *= scale; }
                    for (var d = 0; d < w.Length; d++) w[d] *= scale;
                    scale = 1;
                }
                var step = eta * gradient / scale;
                for (var d = 0; d < dense; d++) w[d] -= step * input[d];
                for (var k = 0; k < x.SparseIndices.Length; k++)
                {
                    var j = x.SparseIndices[k];
                    Flush(j);
                    s[j] -= step * x.SparseValues[k] * options.SparseScale;
                }
                b -= eta * gradient;

                t++;
                if (epoch < averageFrom) continue;
                averaged++;
                scaleSum += scale;
                for (var d = 0; d < denseDimensions; d++) wSum[d] += w[d] * scale;
                bSum += b;
            }
        }

        var n = Math.Max(1, averaged);
        var sparse = new float[LexicalFeatures.Buckets];
        for (var j = 0; j < sparse.Length; j++)
        {
            Flush(j);
            sparse[j] = (float)(sSum[j] / n * options.SparseScale);
        }
        // Back to the raw features' scale: w (x - mean) / spread = (w / spread) x - w mean / spread.
        var denseWeights = new float[denseDimensions];
        var bias = bSum / n;
        for (var d = 0; d < denseDimensions; d++)
        {
            var weight = wSum[d] / n / spread[d];
            denseWeights[d] = (float)weight;
            bias -= weight * mean[d];
        }
        return new LogisticModel(denseWeights, sparse, (float)bias);
    }

    /// <summary>Each dense dimension's mean and its standard deviation over the examples (1 where it does not vary), scaled as below.</summary>
    private static (double[] Mean, double[] Spread) DenseScale(IReadOnlyList<FeatureVector> examples, int denseDimensions)
    {
        var mean = new double[denseDimensions];
        var square = new double[denseDimensions];
        foreach (var x in examples)
            for (var d = 0; d < Math.Min(x.Dense.Length, denseDimensions); d++)
            {
                mean[d] += x.Dense[d];
                square[d] += (double)x.Dense[d] * x.Dense[d];
            }
        var n = Math.Max(1, examples.Count);
        var spread = new double[denseDimensions];
        for (var d = 0; d < denseDimensions; d++)
        {
            mean[d] /= n;
            var variance = square[d] / n - mean[d] * mean[d];
            // Times sqrt(dimensions): each dimension gets unit variance over the whole vector, not each,
            // so the input keeps about unit length and the step size stays stable.
            spread[d] = (variance > 1e-12 ? Math.Sqrt(variance) : 1) * Math.Sqrt(denseDimensions);
        }
        return (mean, spread);
    }
}
