namespace Workflow.Domain.Coding;

/// <summary>
/// The 2x2 table for one binary decision ("is this code applied to this unit?") made by a reference
/// rater (the expert) and a compared rater (an engine or a second coder), with the statistics read
/// from it. A statistic whose denominator is zero is null rather than 0 or NaN, so callers decide how
/// to treat "undefined" instead of having it silently drag an average down.
/// </summary>
public sealed record AgreementCounts(int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    /// <summary>An empty table.</summary>
    public static AgreementCounts Zero { get; } = new(0, 0, 0, 0);

    /// <summary>Number of units.</summary>
    public int Total => TruePositives + FalsePositives + FalseNegatives + TrueNegatives;

    /// <summary>Units the reference rater marked positive.</summary>
    public int ReferencePositives => TruePositives + FalseNegatives;

    /// <summary>Units the compared rater marked positive.</summary>
    public int PredictedPositives => TruePositives + FalsePositives;

    /// <summary>TP / (TP + FP); null when nothing was predicted.</summary>
    public double? Precision => Ratio(TruePositives, PredictedPositives);

    /// <summary>TP / (TP + FN); null when the reference has no positives.</summary>
    public double? Recall => Ratio(TruePositives, ReferencePositives);

    /// <summary>2TP / (2TP + FP + FN); null when neither rater marked any unit positive.</summary>
    public double? F1 => Ratio(2 * TruePositives, 2 * TruePositives + FalsePositives + FalseNegatives);

    /// <summary>Observed agreement (TP + TN) / N; null for an empty table.</summary>
    public double? ObservedAgreement => Ratio(TruePositives + TrueNegatives, Total);

    /// <summary>
    /// Cohen's kappa, (po - pe) / (1 - pe) with pe from each rater's own marginals; null when pe is 1
    /// (both raters gave every unit the same single answer), where kappa is undefined.
    /// </summary>
    public double? Kappa
    {
        get
        {
            if (Total == 0) return null;
            double n = Total;
            var reference = ReferencePositives / n;
            var predicted = PredictedPositives / n;
            var expected = reference * predicted + (1 - reference) * (1 - predicted);
            return Chance(ObservedAgreement!.Value, expected);
        }
    }

    /// <summary>
    /// Gwet's AC1 for two raters, (po - pe) / (1 - pe) with pe = 2q(1 - q) and q the mean positive rate;
    /// unlike kappa it stays defined and stable when a code is rare. Null only for an empty table.
    /// </summary>
    public double? Ac1
    {
        get
        {
            if (Total == 0) return null;
            var q = (ReferencePositives + PredictedPositives) / (2.0 * Total);
            return Chance(ObservedAgreement!.Value, 2 * q * (1 - q));
        }
    }

    /// <summary>
    /// Krippendorff's alpha (nominal, two raters, no missing data) from the same table: with N units
    /// there are n = 2N values, n1 = 2TP + FP + FN of them positive and n0 = 2TN + FP + FN negative,
    /// and each disagreeing unit adds two off-diagonal coincidences, so
    /// alpha = 1 - (n - 1) * 2(FP + FN) / (2 * n1 * n0). Null when one answer was never given.
    /// </summary>
    public double? Alpha
    {
        get
        {
            double n = 2.0 * Total;
            double positives = 2 * TruePositives + FalsePositives + FalseNegatives;
            var negatives = n - positives;
            return positives == 0 || negatives == 0 ? null : 1 - (n - 1) * (FalsePositives + FalseNegatives) / (positives * negatives);
        }
    }

    /// <summary>The mean of the two raters' positive rates (the share of decisions that apply the code); null for an empty table.</summary>
    public double? Prevalence => Total == 0 ? null : (ReferencePositives + PredictedPositives) / (2.0 * Total);

    /// <summary>Why kappa means little for this table, or null when it is fine (see <see cref="PrevalenceCheck"/>).</summary>
    public string? PrevalenceWarning => PrevalenceCheck.Warning(this);

    /// <summary>Cell-wise sum, used for micro-averaging.</summary>
    public AgreementCounts Add(AgreementCounts other) => new(
        TruePositives + other.TruePositives,
        FalsePositives + other.FalsePositives,
        FalseNegatives + other.FalseNegatives,
        TrueNegatives + other.TrueNegatives);

    /// <summary>Counts one unit's pair of decisions.</summary>
    public AgreementCounts Add(bool reference, bool predicted) => (reference, predicted) switch
    {
        (true, true) => this with { TruePositives = TruePositives + 1 },
        (false, true) => this with { FalsePositives = FalsePositives + 1 },
        (true, false) => this with { FalseNegatives = FalseNegatives + 1 },
        _ => this with { TrueNegatives = TrueNegatives + 1 },
    };

    private static double? Ratio(int numerator, int denominator) => denominator == 0 ? null : (double)numerator / denominator;

    // Exact comparison is deliberate: pe is 1 only when both raters are constant and agree.
    private static double? Chance(double observed, double expected) => expected >= 1 ? null : (observed - expected) / (1 - expected);
}
