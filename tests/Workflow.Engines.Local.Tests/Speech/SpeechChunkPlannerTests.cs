using Workflow.Engines.Local.Speech;

namespace Workflow.Engines.Local.Tests.Speech;

public sealed class SpeechChunkPlannerTests
{
    private const int Rate = SpeechRegion.SampleRate;

    private static SpeechRegion Seconds(double start, double end) => new((long)(start * Rate), (long)(end * Rate));

    private static SearchWindow Window(double from, double to, double target) => new((long)(from * Rate), (long)(to * Rate), (long)(target * Rate));

    /// <summary>Speech in 9.5 s turns with a 0.5 s pause after each, for <paramref name="seconds"/>.</summary>
    private static List<SpeechRegion> RegularTurns(double seconds)
    {
        var regions = new List<SpeechRegion>();
        for (double t = 0; t + 9.5 <= seconds; t += 10) regions.Add(Seconds(t, t + 9.5));
        return regions;
    }

    [Fact]
    public void SearchWindows_AreCentredOnEqualSharesAndClippedToTheRecording()
    {
        var windows = SpeechChunkPlanner.SearchWindows(90L * Rate, chunkCount: 3, reach: 10L * Rate);

        Assert.Equal([Window(20, 40, 30), Window(50, 70, 60)], windows);
        Assert.Equal([Window(0, 80, 40)], SpeechChunkPlanner.SearchWindows(80L * Rate, chunkCount: 2, reach: 60L * Rate));
        Assert.Empty(SpeechChunkPlanner.SearchWindows(80L * Rate, chunkCount: 1, reach: Rate));
    }

    [Fact]
    public void BestCut_RegularTurns_IsTheMiddleOfThePauseNearestTheTarget()
    {
        var cut = SpeechChunkPlanner.BestCut(RegularTurns(600), Window(75, 125, 100));

        Assert.Equal(99.75, cut!.Value / (double)Rate, 3);
    }

    [Fact]
    public void BestCut_LongPauseNearTheTarget_BeatsAShortPauseAtIt()
    {
        // Target 50 s: a 0.2 s pause right there, a 2 s pause 4 s later.
        var speech = new List<SpeechRegion> { Seconds(0, 49.9), Seconds(50.1, 54), Seconds(56, 100) };

        var cut = SpeechChunkPlanner.BestCut(speech, Window(38, 62, 50));

        Assert.Equal(55.0, cut!.Value / (double)Rate, 3);
    }

    [Fact]
    public void BestCut_LongPauseFarAway_LosesToAUsablePauseNearTheTarget()
    {
        // A 0.6 s pause 1 s from the target, a 3 s pause 11 s from it, in a 12 s reach.
        var speech = new List<SpeechRegion> { Seconds(0, 50.7), Seconds(51.3, 59.5), Seconds(62.5, 100) };

        var cut = SpeechChunkPlanner.BestCut(speech, Window(38, 62, 50));

        Assert.Equal(51.0, cut!.Value / (double)Rate, 3);
    }

    [Fact]
    public void BestCut_SpeechThroughoutTheWindow_IsNull()
    {
        Assert.Null(SpeechChunkPlanner.BestCut([Seconds(30, 70)], Window(40, 60, 50)));
    }

    [Fact]
    public void BestCut_NoSpeechInTheWindow_IsTheTarget()
    {
        Assert.Equal(50L * Rate, SpeechChunkPlanner.BestCut([], Window(40, 60, 50)));
    }

    [Fact]
    public void BestCut_PauseCutOffByTheWindowEdge_CountsOnlyItsPartInside()
    {
        // The pause runs 58-70 s, but only 58-60 s is in the window: its middle there is 59 s.
        var cut = SpeechChunkPlanner.BestCut([Seconds(30, 58), Seconds(70, 90)], Window(40, 60, 50));

        Assert.Equal(59.0, cut!.Value / (double)Rate, 3);
    }

    [Fact]
    public void Cuts_AddsTheEndsAndDropsCutsTooCloseToANeighbour()
    {
        var cuts = SpeechChunkPlanner.Cuts(100L * Rate, [60L * Rate, 30L * Rate, 35L * Rate, 95L * Rate], minChunkSamples: 10L * Rate);

        Assert.Equal([0L, 30L * Rate, 60L * Rate, 100L * Rate], cuts);
    }

    [Fact]
    public void Silences_AreTheGapsAroundAndBetweenRegionsInsideTheRange()
    {
        var gaps = SpeechChunkPlanner.Silences([Seconds(1, 2), Seconds(2, 3), Seconds(5, 6), Seconds(9, 12)], 0, 8L * Rate);

        Assert.Equal([Seconds(0, 1), Seconds(3, 5), Seconds(6, 8)], gaps);
    }
}
