namespace Workflow.Domain.Coding.Learning;

/// <summary>
/// One code's learnt classifier: its model, the probability above which it proposes the code, what it
/// learnt from, and how its out-of-fold calls at that threshold compared with the coders' (coders are
/// the reference rater), the same probabilities the threshold was chosen on.
/// </summary>
public sealed record CodeClassifier(string CodeId, LogisticModel Model, double Threshold, int Positives, int Negatives, AgreementCounts OutOfFold)
{
    public bool Applies(FeatureVector x) => Model.Probability(x) >= Threshold;
}

/// <summary>
/// A study's learnt classifiers, one per code that had enough examples (<see cref="Skipped"/> names
/// the others and why), trained on <see cref="Examples"/> verified segments. <see cref="Counts"/> has
/// every code's positive and negative examples, learnt or not.
/// </summary>
public sealed record CodeClassifiers(int Examples, IReadOnlyDictionary<string, CodeClassifier> ByCode, IReadOnlyDictionary<string, string> Skipped,
    IReadOnlyDictionary<string, CodeExampleCounts> Counts);

/// <summary>How many verified segments had a code (positives) and how many did not (negatives).</summary>
public sealed record CodeExampleCounts(int Positives, int Negatives);

/// <summary>One verified segment as training signal: its features and the codes coders settled on (every other code is a negative).</summary>
public sealed record TrainingExample(FeatureVector Features, IReadOnlySet<string> Codes);

/// <summary>Which agreement the out-of-fold threshold maximises.</summary>
public enum ThresholdRule { BestF1, BestKappa }

/// <summary>
/// When a code gets a classifier and how it is trained: the threshold is kappa-best by default (the
/// agreement figure coders report, and it credits agreeing that a code is absent); codes train in
/// parallel on up to <see cref="MaxParallelCodes"/> cores (-1: all).
/// </summary>
public sealed record ClassifierTraining(int MinPositives = 8, int MinNegatives = 8, int ThresholdFolds = 3, LogisticTraining? Logistic = null,
    ThresholdRule Threshold = ThresholdRule.BestKappa, int MaxParallelCodes = -1)
{
    public static ClassifierTraining Default { get; } = new();
}

/// <summary>
/// Trains a classifier per code from verified segments. A code is switched on only once it has
/// <see cref="ClassifierTraining.MinPositives"/> positive and <see cref="ClassifierTraining.MinNegatives"/>
/// negative examples: with fewer, a threshold cannot be chosen honestly. The threshold is the one that
/// maximises kappa (or F1, <see cref="ClassifierTraining.Threshold"/>) on out-of-fold probabilities (each fold predicted by a model that did not see it), so
/// it is not fitted to examples the model memorised. Pure and deterministic.
/// </summary>
public static class CodeClassifierTrainer
{
    public static CodeClassifiers Train(IReadOnlyList<TrainingExample> examples, IEnumerable<string> codeIds, int denseDimensions, ClassifierTraining? training = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(codeIds);
        var options = training ?? ClassifierTraining.Default;
        var features = examples.Select(e => e.Features).ToList();
        var byCode = new SortedDictionary<string, CodeClassifier>(StringComparer.Ordinal);
        var skipped = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var counts = new SortedDictionary<string, CodeExampleCounts>(StringComparer.Ordinal);
        var codes = codeIds.Distinct(StringComparer.Ordinal).ToArray();
        var positives = codes.Select(code => examples.Count(e => e.Codes.Contains(code))).ToArray();
        bool Eligible(int c) => positives[c] >= options.MinPositives && examples.Count - positives[c] >= options.MinNegatives;
        var trained = new CodeClassifier?[codes.Length];
        // Codes are independent: trained side by side (each model is the same whatever the order).
        Parallel.For(0, codes.Length, new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelCodes }, c =>
        {
            if (!Eligible(c)) return;
            var labels = examples.Select(e => e.Codes.Contains(codes[c])).ToList();
            var (threshold, outOfFold) = OutOfFoldFit(features, labels, denseDimensions, options);
            var model = LogisticRegression.Train(features, labels, denseDimensions, options.Logistic);
            trained[c] = new CodeClassifier(codes[c], model, threshold, positives[c], examples.Count - positives[c], outOfFold);
        });
        for (var c = 0; c < codes.Length; c++)
        {
            var negatives = examples.Count - positives[c];
            counts[codes[c]] = new CodeExampleCounts(positives[c], negatives);
            if (trained[c] is { } classifier) byCode[codes[c]] = classifier;
            else skipped[codes[c]] = $"{positives[c]} positive and {negatives} negative examples; needs {options.MinPositives} and {options.MinNegatives}";
        }
        return new CodeClassifiers(examples.Count, byCode, skipped, counts);
    }

    /// <summary>
    /// The kappa- or F1-best threshold over out-of-fold probabilities, and the 2x2 table of those same
    /// probabilities at it (so what a lead is shown is how the classifier did on examples it had not
    /// seen, with no second round of training); folds are by position (every k-th example), so each holds positives.
    /// </summary>
    internal static (double Threshold, AgreementCounts OutOfFold) OutOfFoldFit(IReadOnlyList<FeatureVector> features, IReadOnlyList<bool> labels, int denseDimensions, ClassifierTraining options)
    {
        var folds = Math.Max(2, options.ThresholdFolds);
        var positiveIndices = Enumerable.Range(0, labels.Count).Where(i => labels[i]).ToList();
        var fold = new int[labels.Count];
        // Positives and negatives are dealt to the folds separately, so each fold gets its share of a rare code.
        for (var k = 0; k < positiveIndices.Count; k++) fold[positiveIndices[k]] = k % folds;
        var n = 0;
        for (var i = 0; i < labels.Count; i++) if (!labels[i]) fold[i] = n++ % folds;

        var scored = new List<(double Probability, bool Label)>(labels.Count);
        for (var f = 0; f < folds; f++)
        {
            var train = Enumerable.Range(0, labels.Count).Where(i => fold[i] != f).ToList();
            var model = LogisticRegression.Train(train.Select(i => features[i]).ToList(), train.Select(i => labels[i]).ToList(), denseDimensions, options.Logistic);
            scored.AddRange(Enumerable.Range(0, labels.Count).Where(i => fold[i] == f).Select(i => (model.Probability(features[i]), labels[i])));
        }
        var threshold = options.Threshold == ThresholdRule.BestKappa ? BestKappaThreshold(scored) : BestF1Threshold(scored);
        return (threshold, CountsAt(scored, threshold));
    }

    /// <summary>Coders' labels against "probability at or above the threshold", as <see cref="AgreementCounts"/>.</summary>
    public static AgreementCounts CountsAt(IEnumerable<(double Probability, bool Label)> scored, double threshold)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var (p, label) in scored)
        {
            var called = p >= threshold;
            if (called && label) tp++;
            else if (called) fp++;
            else if (label) fn++;
            else tn++;
        }
        return new AgreementCounts(tp, fp, fn, tn);
    }

    /// <summary>
    /// The threshold with the best F1 when everything at or above it is called positive; ties go to the
    /// higher threshold (fewer proposals for coders to reject). Midway between neighbouring scores, so
    /// it does not sit exactly on one training example.
    /// </summary>
    public static double BestF1Threshold(IReadOnlyList<(double Probability, bool Label)> scored) =>
        BestThreshold(scored, (tp, called, positives, n) => 2.0 * tp / (called + positives));

    /// <summary>As <see cref="BestF1Threshold"/>, maximising Cohen's kappa (which also credits agreeing on "not this code").</summary>
    public static double BestKappaThreshold(IReadOnlyList<(double Probability, bool Label)> scored) =>
        BestThreshold(scored, (tp, called, positives, n) =>
        {
            var fp = called - tp;
            var fn = positives - tp;
            var tn = n - tp - fp - fn;
            var observed = (double)(tp + tn) / n;
            var chance = ((double)called * positives + (double)(n - called) * (n - positives)) / ((double)n * n);
            return chance >= 1 ? 0 : (observed - chance) / (1 - chance);
        });

    private static double BestThreshold(IReadOnlyList<(double Probability, bool Label)> scored, Func<int, int, int, int, double> agreement)
    {
        var sorted = scored.OrderByDescending(s => s.Probability).ToList();
        var totalPositives = sorted.Count(s => s.Label);
        if (totalPositives == 0) return 1;
        double best = -1, threshold = 0.5;
        var tp = 0;
        for (var k = 0; k < sorted.Count; k++)
        {
            if (sorted[k].Label) tp++;
            if (k + 1 < sorted.Count && sorted[k + 1].Probability == sorted[k].Probability) continue;
            var value = agreement(tp, k + 1, totalPositives, sorted.Count);
            if (value > best)
            {
                best = value;
                threshold = k + 1 < sorted.Count ? (sorted[k].Probability + sorted[k + 1].Probability) / 2 : sorted[k].Probability;
            }
        }
        return threshold;
    }
}
