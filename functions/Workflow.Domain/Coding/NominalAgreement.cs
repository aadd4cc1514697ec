namespace Workflow.Domain.Coding;

/// <summary>
/// Agreement coefficients for nominal ratings, any number of raters, missing ratings allowed. Pure.
/// Formulas: percentage agreement and AC1 as in Gwet (2014), Handbook of Inter-Rater Reliability,
/// 4th ed., chapter 2 (multiple raters with missing ratings); Cohen's kappa (1960); Krippendorff's
/// alpha from the coincidence matrix, as in Krippendorff (2011), "Computing Krippendorff's
/// Alpha-Reliability". Units rated by fewer than two raters carry no information about agreement and
/// are left out of every coefficient (AC1's category shares still count them, as Gwet defines it).
/// </summary>
public static class NominalAgreement
{
    /// <summary>All four coefficients. <paramref name="categories"/> are the categories raters could choose (AC1 needs their number); observed ones are added.</summary>
    public static AgreementStatistics Compute(NominalRatings ratings, IReadOnlyCollection<string>? categories = null)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        return new AgreementStatistics(
            ratings.Units.Count,
            ratings.Units.Count(u => Rated(u) >= 2),
            PercentAgreement(ratings),
            ratings.Raters == 2 ? CohenKappa(ratings) : null,
            KrippendorffAlpha(ratings),
            GwetAc1(ratings, categories));
    }

    /// <summary>
    /// The share of agreeing rater pairs, averaged over units rated at least twice:
    /// pa = mean over units of sum_k r_k (r_k - 1) / (r (r - 1)). With two raters, the share of units they agree on.
    /// </summary>
    public static double? PercentAgreement(NominalRatings ratings)
    {
        var pairable = ratings.Units.Where(u => Rated(u) >= 2).ToList();
        if (pairable.Count == 0) return null;
        return pairable.Average(u =>
        {
            double r = Rated(u);
            return Counts(u).Values.Sum(n => (double)n * (n - 1)) / (r * (r - 1));
        });
    }

    /// <summary>
    /// Cohen's kappa for exactly two raters over the units both rated: (po - pe) / (1 - pe), with pe
    /// from each rater's own category shares. Null when no unit was rated by both, or pe is 1.
    /// </summary>
    public static double? CohenKappa(NominalRatings ratings)
    {
        if (ratings.Raters != 2) throw new ArgumentException("Cohen's kappa is defined for two raters.", nameof(ratings));
        var both = ratings.Units.Where(u => u[0] is not null && u[1] is not null).Select(u => (A: u[0]!, B: u[1]!)).ToList();
        if (both.Count == 0) return null;
        double n = both.Count;
        var observed = both.Count(p => p.A == p.B) / n;
        var first = both.GroupBy(p => p.A).ToDictionary(g => g.Key, g => g.Count() / n);
        var second = both.GroupBy(p => p.B).ToDictionary(g => g.Key, g => g.Count() / n);
        var expected = first.Sum(f => f.Value * second.GetValueOrDefault(f.Key));
        return expected >= 1 ? null : (observed - expected) / (1 - expected);
    }

    /// <summary>
    /// Krippendorff's alpha for nominal data: 1 - (n - 1) * sum_u (m_u^2 - sum_c n_uc^2) / (m_u - 1)
    /// divided by (n^2 - sum_c n_c^2), over units with m_u >= 2 values (n values in all). That is
    /// 1 - Do/De with the observed and expected disagreements of the coincidence matrix. Null when no
    /// unit is pairable or only one category occurs (no variation to be reliable about).
    /// </summary>
    public static double? KrippendorffAlpha(NominalRatings ratings)
    {
        var pairable = ratings.Units.Where(u => Rated(u) >= 2).Select(Counts).ToList();
        if (pairable.Count == 0) return null;
        double observedDisagreement = 0;
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        double n = 0;
        foreach (var unit in pairable)
        {
            double m = unit.Values.Sum();
            observedDisagreement += (m * m - unit.Values.Sum(c => (double)c * c)) / (m - 1);
            foreach (var (category, count) in unit) totals[category] = totals.GetValueOrDefault(category) + count;
            n += m;
        }
        var expectedDisagreement = n * n - totals.Values.Sum(c => c * c);
        return expectedDisagreement == 0 ? null : 1 - (n - 1) * observedDisagreement / expectedDisagreement;
    }

    /// <summary>
    /// Gwet's AC1: (pa - pe) / (1 - pe) with pa as in <see cref="PercentAgreement"/> and
    /// pe = sum_k pi_k (1 - pi_k) / (q - 1), where pi_k is the mean over units rated at least once of
    /// the share of that unit's ratings in category k, and q the number of categories. Null when no
    /// unit is pairable or there are fewer than two categories.
    /// </summary>
    public static double? GwetAc1(NominalRatings ratings, IReadOnlyCollection<string>? categories = null)
    {
        var pa = PercentAgreement(ratings);
        if (pa is null) return null;
        var rated = ratings.Units.Where(u => Rated(u) >= 1).Select(Counts).ToList();
        var all = new HashSet<string>(categories ?? [], StringComparer.Ordinal);
        foreach (var unit in rated) all.UnionWith(unit.Keys);
        if (all.Count < 2) return null;
        var share = all.ToDictionary(k => k, k => rated.Average(u => (double)u.GetValueOrDefault(k) / u.Values.Sum()), StringComparer.Ordinal);
        var pe = share.Values.Sum(p => p * (1 - p)) / (all.Count - 1);
        return (pa.Value - pe) / (1 - pe);
    }

    private static int Rated(IReadOnlyList<string?> unit) => unit.Count(r => r is not null);

    private static Dictionary<string, int> Counts(IReadOnlyList<string?> unit) =>
        unit.Where(r => r is not null).GroupBy(r => r!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
