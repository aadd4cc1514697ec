namespace Workflow.Engines.Semantic;

/// <summary>
/// Turns one code's cosine similarity into a confidence without any labelled data, from the codebook
/// itself: the code's own texts (definition, criteria, examples), each compared with the rest of the
/// code held out, show how similar a text that IS the code gets ("positives"); the other codes' texts
/// compared with this code show how similar a text that is NOT it gets ("negatives"). The confidence is
/// a logistic curve centred between the two means, its steepness set by their separation, so a code
/// whose examples sit close to everything needs a higher similarity than a distinctive one.
/// Pure and deterministic.
/// </summary>
internal sealed record SimilarityCalibration(double Midpoint, double Scale)
{
    // When a code has too few texts to estimate a spread, these keep the curve sensible for MiniLM
    // similarities (paraphrases about 0.5-0.7, unrelated sentences about 0.0-0.2).
    private const double MinScale = 0.02;
    private const double DefaultPositive = 0.55;
    private const double DefaultNegative = 0.25;

    /// <summary>Calibrates from the similarities of texts that are and are not the code.</summary>
    public static SimilarityCalibration Fit(IReadOnlyCollection<double> positives, IReadOnlyCollection<double> negatives)
    {
        var pos = positives.Count > 0 ? positives.Average() : DefaultPositive;
        // The upper part of the negatives matters: the nearest other codes are the ones confused with this one.
        var neg = negatives.Count > 0 ? Quantile(negatives, 0.9) : DefaultNegative;
        if (pos <= neg) pos = neg + 4 * MinScale;
        // Half-way is confidence 0.5; each mean lies two scale units away (confidence 0.12 and 0.88).
        return new SimilarityCalibration((pos + neg) / 2, Math.Max(MinScale, (pos - neg) / 4));
    }

    /// <summary>Calibrated confidence of <paramref name="similarity"/>, in (0, 1).</summary>
    public double Confidence(double similarity) => 1 / (1 + Math.Exp(-(similarity - Midpoint) / Scale));

    internal static double Quantile(IReadOnlyCollection<double> values, double q)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        var at = q * (sorted.Length - 1);
        var low = (int)Math.Floor(at);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (at - low) * (sorted[high] - sorted[low]);
    }
}
