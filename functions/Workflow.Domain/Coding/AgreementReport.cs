namespace Workflow.Domain.Coding;

/// <summary>
/// Agreement between a reference rater and a compared rater over a set of units, per code and overall.
/// Macro figures average only the codes where the statistic is defined; <see cref="MacroF1"/> therefore
/// ignores codes that neither rater used, and <see cref="MeanKappa"/> ignores codes where kappa is undefined.
/// </summary>
public sealed record AgreementReport(int Units, IReadOnlyDictionary<string, AgreementCounts> PerCode)
{
    /// <summary>All codes' tables summed: every (unit, code) decision counts once.</summary>
    public AgreementCounts Micro { get; } = PerCode.Values.Aggregate(AgreementCounts.Zero, (sum, c) => sum.Add(c));

    /// <summary>Micro-averaged F1 (pooled TP, FP, FN); null when neither rater applied any code.</summary>
    public double? MicroF1 => Micro.F1;

    /// <summary>Unweighted mean of the per-code F1 values that are defined.</summary>
    public double? MacroF1 => Mean(PerCode.Values.Select(c => c.F1));

    /// <summary>Unweighted mean of the per-code Cohen's kappa values that are defined.</summary>
    public double? MeanKappa => Mean(PerCode.Values.Select(c => c.Kappa));

    /// <summary>Unweighted mean of the per-code Gwet's AC1 values that are defined.</summary>
    public double? MeanAc1 => Mean(PerCode.Values.Select(c => c.Ac1));

    private static double? Mean(IEnumerable<double?> values)
    {
        var defined = values.Where(v => v.HasValue).Select(v => v!.Value).ToList();
        return defined.Count == 0 ? null : defined.Average();
    }
}
