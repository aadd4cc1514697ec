namespace Workflow.Engines.Local.Tests.Diarization;

public sealed class DiarizationErrorRateTests
{
    private static SpeakerSegment S(double start, double end, string speaker) => new(start, end, speaker);

    [Fact]
    public void Compute_PerfectHypothesisWithOtherNames_IsZero()
    {
        var reference = new[] { S(0, 10, "A"), S(12, 20, "B") };
        var hypothesis = new[] { S(0, 10, "x"), S(12, 20, "y") };

        Assert.Equal(0, DiarizationErrorRate.Compute(reference, hypothesis, collar: 0).Rate, 6);
    }

    [Fact]
    public void Compute_WorkedExample_AddsMissFalseAlarmAndConfusion()
    {
        // Reference: A speaks 0-10, B speaks 10-20 (20 s of speech).
        // Hypothesis: x 0-8, y 8-18, nothing 18-20, y again 22-23. Best mapping A→x, B→y, so
        // 8-10 is confusion (2 s), 18-20 missed (2 s), 22-23 false alarm (1 s): DER = 5 / 20 = 0.25.
        var reference = new[] { S(0, 10, "A"), S(10, 20, "B") };
        var hypothesis = new[] { S(0, 8, "x"), S(8, 18, "y"), S(22, 23, "y") };

        var error = DiarizationErrorRate.Compute(reference, hypothesis, collar: 0);

        Assert.Equal(20, error.ReferenceSpeech, 2);
        Assert.Equal(2, error.Missed, 2);
        Assert.Equal(1, error.FalseAlarm, 2);
        Assert.Equal(2, error.Confusion, 2);
        Assert.Equal(0.25, error.Rate, 3);
    }

    [Fact]
    public void Compute_Collar_ForgivesBoundaryErrors()
    {
        // The hypothesis changes speaker 0.2 s late: inside a 0.25 s collar that is no error at all.
        var reference = new[] { S(0, 10, "A"), S(10, 20, "B") };
        var hypothesis = new[] { S(0, 10.2, "x"), S(10.2, 20, "y") };

        Assert.True(DiarizationErrorRate.Compute(reference, hypothesis, collar: 0).Rate > 0.009);
        Assert.Equal(0, DiarizationErrorRate.Compute(reference, hypothesis, collar: 0.25).Rate, 6);
    }

    [Fact]
    public void Compute_EverythingOneSpeaker_ConfusesTheSmallerVoice()
    {
        var reference = new[] { S(0, 30, "A"), S(30, 40, "B") };
        var hypothesis = new[] { S(0, 40, "x") };

        var error = DiarizationErrorRate.Compute(reference, hypothesis, collar: 0);

        Assert.Equal(10.0 / 40, error.Rate, 3);
        Assert.Equal(10, error.Confusion, 2);
    }

    [Fact]
    public void BestMapping_PrefersTheLargestTotalOverlap_NotTheGreedyOne()
    {
        // Greedy would pair r0 with h0 (5) and leave r1 with h1 (0); the best pairs r0-h1 and r1-h0 (4 + 4).
        var overlap = new double[,] { { 5, 4 }, { 4, 0 } };

        var (total, hypothesisOf) = DiarizationErrorRate.BestMapping(overlap);

        Assert.Equal(8, total);
        Assert.Equal([1, 0], hypothesisOf);
    }
}
