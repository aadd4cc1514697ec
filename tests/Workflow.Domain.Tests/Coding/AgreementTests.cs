using Workflow.Domain.Coding;

namespace Workflow.Domain.Tests.Coding;

public class AgreementTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void Counts_TextbookTable_GiveHandComputedStatistics()
    {
        // 50 units: both yes 20, only the compared rater yes 5, only the reference yes 10, both no 15
        // (the worked 2x2 example of the Wikipedia article "Cohen's kappa": po 0.7, pe 0.5, kappa 0.4).
        var counts = new AgreementCounts(TruePositives: 20, FalsePositives: 5, FalseNegatives: 10, TrueNegatives: 15);

        Assert.Equal(50, counts.Total);
        Assert.Equal(0.8, counts.Precision!.Value, Tolerance);          // 20 / 25
        Assert.Equal(2.0 / 3, counts.Recall!.Value, Tolerance);         // 20 / 30
        Assert.Equal(40.0 / 55, counts.F1!.Value, Tolerance);           // 40 / (40 + 5 + 10)
        Assert.Equal(0.7, counts.ObservedAgreement!.Value, Tolerance);  // 35 / 50
        // pe = 0.5 * 0.6 + 0.5 * 0.4 = 0.5, kappa = (0.7 - 0.5) / 0.5
        Assert.Equal(0.4, counts.Kappa!.Value, Tolerance);
        // q = (30 + 25) / 100 = 0.55, pe = 2 * 0.55 * 0.45 = 0.495, AC1 = 0.205 / 0.505
        Assert.Equal(0.205 / 0.505, counts.Ac1!.Value, Tolerance);
        // 100 values, 55 positive, 45 negative, 15 disagreeing units: alpha = 1 - 99 * 15 / (55 * 45) = 1 - 1485/2475
        Assert.Equal(0.4, counts.Alpha!.Value, Tolerance);
    }

    [Fact]
    public void Counts_PerfectAgreementWithBothAnswers_KappaIsOne()
    {
        var counts = new AgreementCounts(3, 0, 0, 7);

        Assert.Equal(1.0, counts.Kappa!.Value, Tolerance);
        Assert.Equal(1.0, counts.F1!.Value, Tolerance);
    }

    [Fact]
    public void Counts_AgreementNoBetterThanChance_KappaIsZero()
    {
        // Each rater says yes to half the units, independently: po = 0.5 = pe.
        var counts = new AgreementCounts(1, 1, 1, 1);

        Assert.Equal(0.0, counts.Kappa!.Value, Tolerance);
    }

    [Fact]
    public void Counts_NeitherRaterEverSaysYes_F1AndKappaAreUndefinedNotZero()
    {
        var counts = new AgreementCounts(0, 0, 0, 12);

        Assert.Null(counts.Precision);
        Assert.Null(counts.Recall);
        Assert.Null(counts.F1);
        Assert.Null(counts.Kappa);
        Assert.Equal(1.0, counts.ObservedAgreement!.Value, Tolerance);
        // AC1's chance term 2q(1 - q) is 0 here, so it rewards the complete agreement kappa cannot score.
        Assert.Equal(1.0, counts.Ac1!.Value, Tolerance);
    }

    [Fact]
    public void Counts_ComparedRaterNeverSaysYes_PrecisionUndefinedRecallAndF1Zero()
    {
        var counts = new AgreementCounts(0, 0, 4, 6);

        Assert.Null(counts.Precision);
        Assert.Equal(0.0, counts.Recall!.Value, Tolerance);
        Assert.Equal(0.0, counts.F1!.Value, Tolerance);
        Assert.Equal(0.0, counts.Kappa!.Value, Tolerance); // po = 0.6 = pe
    }

    [Fact]
    public void Compare_ThreeUnitsTwoCodes_GivesHandComputedMicroAndMacroFigures()
    {
        AgreementUnit[] units =
        [
            new("u1", Set("a"), Set("a", "b")),
            new("u2", Set("a", "b"), Set("a")),
            new("u3", Set(), Set()),
        ];

        var report = Agreement.Compare(units, ["a", "b", "c"]);

        Assert.Equal(3, report.Units);
        Assert.Equal(new AgreementCounts(2, 0, 0, 1), report.PerCode["a"]);
        Assert.Equal(new AgreementCounts(0, 1, 1, 1), report.PerCode["b"]);
        Assert.Equal(new AgreementCounts(0, 0, 0, 3), report.PerCode["c"]);
        Assert.Equal(new AgreementCounts(2, 1, 1, 5), report.Micro);
        Assert.Equal(4.0 / 6, report.MicroF1!.Value, Tolerance);           // 4 / (4 + 1 + 1)
        Assert.Equal((1.0 + 0.0) / 2, report.MacroF1!.Value, Tolerance);    // c is unused by both: left out
        // a: kappa 1; b: po 1/3, pe = 1/3*1/3 + 2/3*2/3 = 5/9, kappa = (3/9 - 5/9) / (4/9) = -0.5; c undefined
        Assert.Equal((1.0 - 0.5) / 2, report.MeanKappa!.Value, Tolerance);
    }

    [Fact]
    public void Compare_CodesOutsideTheList_AreIgnored()
    {
        var report = Agreement.Compare([new AgreementUnit("u", Set("a", "zzz"), Set("a"))], ["a"]);

        Assert.Equal(new AgreementCounts(1, 0, 0, 0), report.Micro);
    }

    [Fact]
    public void Compare_NoUnits_GivesUndefinedAverages()
    {
        var report = Agreement.Compare([], ["a"]);

        Assert.Null(report.MicroF1);
        Assert.Null(report.MacroF1);
        Assert.Null(report.MeanKappa);
    }

    private static HashSet<string> Set(params string[] codes) => new(codes, StringComparer.Ordinal);
}
