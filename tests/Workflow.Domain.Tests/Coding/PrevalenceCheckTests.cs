using Workflow.Domain.Coding;

namespace Workflow.Domain.Tests.Coding;

public class PrevalenceCheckTests
{
    [Fact]
    public void Warning_CodeAppliedToFourUnitsOnAverage_IsTooRare()
    {
        // 200 units; one rater applies it to 5, the other to 3: mean 4 positives (2%).
        var counts = new AgreementCounts(TruePositives: 3, FalsePositives: 0, FalseNegatives: 2, TrueNegatives: 195);

        Assert.StartsWith("Too rare for kappa: applied to 4 units", counts.PrevalenceWarning);
    }

    [Fact]
    public void Warning_ManyPositivesButUnderFivePercent_IsTooRare()
    {
        // 400 units, 12 positives each (3%): enough units, too low a prevalence.
        var counts = new AgreementCounts(10, 2, 2, 386);

        Assert.Equal("Too rare for kappa: applied to 3% of units (under 5%).", counts.PrevalenceWarning);
    }

    [Fact]
    public void Warning_AppliedToNearlyEveryUnit_IsTooCommon()
    {
        var counts = new AgreementCounts(97, 1, 1, 1);

        Assert.StartsWith("Too common for kappa", counts.PrevalenceWarning);
    }

    [Fact]
    public void Warning_BalancedCode_IsNone()
    {
        // The textbook table: prevalence 55%.
        Assert.Null(new AgreementCounts(20, 5, 10, 15).PrevalenceWarning);
    }

    [Fact]
    public void Warning_HighAgreementLowKappa_IsFlagged()
    {
        // The paradox the rule guards against: 98% agreement, kappa near 0, AC1 near 1.
        var counts = new AgreementCounts(0, 1, 1, 98);

        Assert.Equal(0.98, counts.ObservedAgreement!.Value, 1e-9);
        Assert.True(counts.Kappa < 0.01);
        Assert.True(counts.Ac1 > 0.97);
        Assert.NotNull(counts.PrevalenceWarning);
    }
}
