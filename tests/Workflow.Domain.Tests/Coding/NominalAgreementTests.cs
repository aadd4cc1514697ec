using Workflow.Domain.Coding;

namespace Workflow.Domain.Tests.Coding;

/// <summary>The coefficients against published worked examples, each recomputed by hand below.</summary>
public class NominalAgreementTests
{
    private const double Published = 5e-4;   // published figures are rounded to three or four places
    private const double Exact = 1e-9;

    /// <summary>
    /// Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
    /// Communication, University of Pennsylvania, section C ("nominal data, any number of observers,
    /// missing data"): 4 observers, 12 units, values 1-5, alpha = 0.743. The same data are Gwet (2014),
    /// Handbook of Inter-Rater Reliability, 4th ed., p. 120 (dataset cac.raw4raters of his irrCAC
    /// package), where AC1 = 0.7754 with pa = 0.8182 and pe = 0.1903.
    /// </summary>
    private static readonly NominalRatings Krippendorff2011 = NominalRatings.FromRows(
        //     A     B     C     D
        ["1", "1", null, "1"],
        ["2", "2", "3", "2"],
        ["3", "3", "3", "3"],
        ["3", "3", "3", "3"],
        ["2", "2", "2", "2"],
        ["1", "2", "3", "4"],
        ["4", "4", "4", "4"],
        ["1", "1", "2", "1"],
        ["2", "2", "2", "2"],
        [null, "5", "5", "5"],
        [null, null, "1", "1"],
        [null, null, "3", null]);

    [Fact]
    public void KrippendorffAlpha_Krippendorff2011NominalExampleWithMissingData_Is0743()
    {
        // Unit 12 has one value and is not pairable; the others hold n = 3 + 8*4 + 3 + 2 = 40 values.
        // Off-diagonal coincidences sum_u (m_u^2 - sum_c n_uc^2) / (m_u - 1): unit 2 (3x"2", 1x"3")
        // (16 - 10) / 3 = 2; unit 6 (four different) (16 - 4) / 3 = 4; unit 8 (3x"1", 1x"2") 2; others 0: 8.
        // Value totals n_c: 1:9, 2:13, 3:10, 4:5, 5:3, so n^2 - sum n_c^2 = 1600 - 384 = 1216.
        // alpha = 1 - 39 * 8 / 1216 = 1 - 312/1216 = 0.74342.
        var alpha = NominalAgreement.KrippendorffAlpha(Krippendorff2011);

        Assert.Equal(1 - 312.0 / 1216, alpha!.Value, Exact);
        Assert.Equal(0.743, alpha.Value, Published);
    }

    [Fact]
    public void GwetAc1_Gwet2014FourRatersWithMissingRatings_Is07754()
    {
        // pa over the 11 units rated at least twice: every unit agrees fully (1) except unit 2 (3*2/12 = 0.5),
        // unit 6 (0) and unit 8 (0.5): 9 / 11 = 0.81818.
        // pi_k over all 12 rated units (share of each unit's ratings): 1: (1 + .25 + .75 + 1)/12 = 3/12,
        // 2: 3.25/12, 3: 3.5/12, 4: 1.25/12, 5: 1/12. sum pi(1 - pi) = 0.761285, pe = that / (5 - 1) = 0.190321.
        // AC1 = (0.818182 - 0.190321) / (1 - 0.190321) = 0.77544.
        var stats = NominalAgreement.Compute(Krippendorff2011);

        Assert.Equal(9.0 / 11, stats.PercentAgreement!.Value, Exact);
        Assert.Equal(0.7754, stats.GwetAc1!.Value, Published);
        Assert.Equal(12, stats.Units);
        Assert.Equal(11, stats.PairableUnits);
        Assert.Null(stats.CohenKappa); // four raters: Cohen's kappa is for two
    }

    /// <summary>
    /// Gwet (2014), Handbook of Inter-Rater Reliability, 4th ed., two abstractors classifying 100
    /// pregnancies as Ectopic, AIU or NIU (dataset cont3x3abstractors of irrCAC, whose documentation
    /// prints the coefficients): Cohen's kappa 0.7964, AC1 0.8493, Krippendorff's alpha 0.7973,
    /// percent agreement 0.89. Rows are abstractor A, columns abstractor B.
    /// </summary>
    private static readonly int[,] Abstractors = { { 13, 0, 0 }, { 0, 20, 7 }, { 0, 4, 56 } };

    private static NominalRatings FromTable(int[,] table, string[] categories)
    {
        var rows = new List<IReadOnlyList<string?>>();
        for (var a = 0; a < categories.Length; a++)
            for (var b = 0; b < categories.Length; b++)
                rows.AddRange(Enumerable.Repeat<IReadOnlyList<string?>>([categories[a], categories[b]], table[a, b]));
        return new NominalRatings(rows, 2);
    }

    [Fact]
    public void TwoRaters_Gwet2014AbstractorsTable_GiveThePublishedCoefficients()
    {
        string[] categories = ["Ectopic", "AIU", "NIU"];
        var stats = NominalAgreement.Compute(FromTable(Abstractors, categories), categories);

        // pa = (13 + 20 + 56) / 100 = 0.89.
        Assert.Equal(0.89, stats.PercentAgreement!.Value, Exact);
        // Row shares .13 .27 .60, column shares .13 .24 .63: pe = .0169 + .0648 + .378 = .4597,
        // kappa = (.89 - .4597) / .5403 = 0.79641.
        Assert.Equal(0.4303 / 0.5403, stats.CohenKappa!.Value, Exact);
        Assert.Equal(0.7964, stats.CohenKappa.Value, Published);
        // pi = .13, (27 + 24)/200 = .255, (60 + 63)/200 = .615; sum pi(1 - pi) = .53985, pe = .53985 / 2,
        // AC1 = (.89 - .269925) / .730075 = 0.84933.
        Assert.Equal(0.620075 / 0.730075, stats.GwetAc1!.Value, Exact);
        Assert.Equal(0.8493, stats.GwetAc1.Value, Published);
        // 200 values, n_c = 26, 51, 123; 11 disagreeing units give 22 off-diagonal coincidences;
        // alpha = 1 - 199 * 22 / (40000 - 18406) = 1 - 4378 / 21594 = 0.79726.
        Assert.Equal(1 - 4378.0 / 21594, stats.KrippendorffAlpha!.Value, Exact);
        Assert.Equal(0.7973, stats.KrippendorffAlpha.Value, Published);
    }

    [Fact]
    public void CohenKappa_TwoRatersWithMissingRatings_UsesOnlyUnitsBothRated()
    {
        var ratings = NominalRatings.FromRows(["a", "a"], ["b", "b"], ["a", null], [null, "b"]);

        // Two units rated by both, agreeing on both; each rater's shares .5/.5: pe = .5, kappa = 1.
        Assert.Equal(1.0, NominalAgreement.CohenKappa(ratings)!.Value, Exact);
        Assert.Equal(1.0, NominalAgreement.PercentAgreement(ratings)!.Value, Exact);
    }

    [Fact]
    public void Coefficients_NoVariationOrNoPairs_AreUndefinedNotZero()
    {
        var same = NominalRatings.FromRows(["a", "a"], ["a", "a"]);
        var unpaired = NominalRatings.FromRows(["a", null], [null, "b"]);

        Assert.Null(NominalAgreement.KrippendorffAlpha(same));
        Assert.Null(NominalAgreement.CohenKappa(same));
        Assert.Null(NominalAgreement.GwetAc1(same));                 // only one category known
        Assert.Equal(1.0, NominalAgreement.GwetAc1(same, ["a", "b"])!.Value, Exact); // pe = 0 when "b" was possible
        var stats = NominalAgreement.Compute(unpaired);
        Assert.Equal(0, stats.PairableUnits);
        Assert.Null(stats.PercentAgreement);
        Assert.Null(stats.CohenKappa);
        Assert.Null(stats.KrippendorffAlpha);
        Assert.Null(stats.GwetAc1);
    }

    [Fact]
    public void Ratings_RowOfTheWrongLength_AreRefused() =>
        Assert.Throws<ArgumentException>(() => new NominalRatings([["a", "b"], ["a"]], 2));

    [Theory]
    [InlineData(20, 5, 10, 15)]
    [InlineData(3, 0, 0, 7)]
    [InlineData(1, 4, 2, 93)]
    [InlineData(0, 2, 3, 45)]
    public void BinaryCounts_AgreeWithTheGeneralNominalFormulas(int tp, int fp, int fn, int tn)
    {
        // The closed forms on AgreementCounts and the general formulas here are written independently.
        var counts = new AgreementCounts(tp, fp, fn, tn);
        var units = Enumerable.Repeat((true, true), tp).Concat(Enumerable.Repeat((false, true), fp))
            .Concat(Enumerable.Repeat((true, false), fn)).Concat(Enumerable.Repeat((false, false), tn));
        var stats = NominalAgreement.Compute(NominalRatings.Binary(units), ["0", "1"]);

        Assert.Equal(counts.ObservedAgreement!.Value, stats.PercentAgreement!.Value, Exact);
        Assert.Equal(counts.Kappa!.Value, stats.CohenKappa!.Value, Exact);
        Assert.Equal(counts.Alpha!.Value, stats.KrippendorffAlpha!.Value, Exact);
        Assert.Equal(counts.Ac1!.Value, stats.GwetAc1!.Value, Exact);
    }
}
