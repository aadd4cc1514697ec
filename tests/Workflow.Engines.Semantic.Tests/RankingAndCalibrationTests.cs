using Workflow.Domain.Coding;
using Workflow.Engines.Semantic;

namespace Workflow.Engines.Semantic.Tests;

public class RankingAndCalibrationTests
{
    private static readonly EvidenceSpan Span = new(0, 3, "abc");

    [Fact]
    public void Calibration_CentresBetweenOwnAndOtherCodesSimilarities_AndRisesWithSimilarity()
    {
        var calibration = SimilarityCalibration.Fit([0.6, 0.6], [0.1, 0.2, 0.2, 0.2]);

        Assert.Equal(0.5, calibration.Confidence(calibration.Midpoint), 6);
        Assert.True(calibration.Confidence(0.6) > 0.85, "an own-text similarity should be confident");
        Assert.True(calibration.Confidence(0.2) < 0.15, "an other-code similarity should not be");
        Assert.True(calibration.Confidence(0.45) > calibration.Confidence(0.40));
    }

    [Fact]
    public void Calibration_ACodeCloseToOthersNeedsAHigherSimilarity()
    {
        var distinctive = SimilarityCalibration.Fit([0.6], [0.1, 0.15]);
        var crowded = SimilarityCalibration.Fit([0.6], [0.45, 0.5]);

        Assert.True(crowded.Confidence(0.45) < distinctive.Confidence(0.45));
    }

    [Fact]
    public void Calibration_WithoutExamples_FallsBackToASensibleCurve()
    {
        var calibration = SimilarityCalibration.Fit([], []);

        Assert.True(calibration.Confidence(0.7) > 0.9);
        Assert.True(calibration.Confidence(0.1) < 0.1);
    }

    [Fact]
    public void Ranking_KeepsConfidentCodesNearTheTop_AtMostMax_BestFirst()
    {
        ScoredCode[] codes =
        [
            new("s", "a", 0.50, 0.90, Span),
            new("s", "b", 0.47, 0.70, Span),
            new("s", "c", 0.30, 0.60, Span), // confident but far below the best similarity
            new("s", "d", 0.49, 0.40, Span), // close but not confident
            new("s", "e", 0.30, 0.95, Span), // a steep curve's confidence, but far below the best similarity
        ];

        var chosen = CodeRanking.Select(codes, minConfidence: 0.5, max: 3, maxGapToTop: 0.08).Select(c => c.CodeId).ToList();

        Assert.Equal(["a", "b"], chosen);
        Assert.Single(CodeRanking.Select(codes, 0.5, max: 1, maxGapToTop: 1));
    }

    [Fact]
    public void Ensemble_AgreementOutranksEitherEngineAlone_AndALoneWeakHitIsDropped()
    {
        CodeSuggestion[] keywords =
        [
            new("s", "both", 0.7, Span, "keywords", 1),
            new("s", "keywordOnly", 0.6, Span, "keywords", 1),
        ];
        ScoredCode[] semantic =
        [
            new("s", "both", 0.5, 0.7, Span),
            new("s", "semanticOnly", 0.55, 0.9, Span),
        ];

        var ranked = EnsembleRanking.Rank(keywords, semantic, discount: 0.8, minConfidence: 0.5, max: 3);

        Assert.Equal(["both", "semanticOnly"], ranked.Select(r => r.CodeId));
        Assert.True(ranked[0].BothAgree);
        Assert.True(ranked[0].Confidence > 0.7, "two engines agreeing should beat either one's confidence");
        Assert.Equal(0.72, ranked[1].Confidence, 6); // 0.8 * 0.9: one engine alone is discounted
    }

    [Fact]
    public void Combine_IsSymmetricAndMonotone()
    {
        Assert.Equal(EnsembleRanking.Combine(0.3, 0.6, 0.8), EnsembleRanking.Combine(0.6, 0.3, 0.8), 12);
        Assert.True(EnsembleRanking.Combine(0.6, 0.4, 0.8) > EnsembleRanking.Combine(0.6, 0.3, 0.8));
        Assert.Equal(0, EnsembleRanking.Combine(0, 0, 0.8));
    }

    [Fact]
    public void SentenceSplitter_SplitsAtSentenceEndsAndLineBreaks_KeepingOffsets()
    {
        const string text = "We were told. Nobody asked us!\nThen 3.5 years passed";

        var spans = SentenceSplitter.Split(text);

        Assert.Equal(["We were told.", "Nobody asked us!", "Then 3.5 years passed"], spans.Select(s => text[s.Start..s.End]));
    }
}
