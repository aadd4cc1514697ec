using Workflow.Engines.Local.Speech;

namespace Workflow.Engines.Local.Tests.Speech;

public sealed class SpeechChunkPlannerTests
{
    private const int Rate = SpeechRegion.SampleRate;

    private static SpeechRegion Seconds(double start, double end) => new((long)(start * Rate), (long)(end * Rate));

    /// <summary>Speech in 9.5 s turns with a 0.5 s pause after each, for <paramref name="seconds"/>.</summary>
    private static List<SpeechRegion> RegularTurns(double seconds)
    {
        var regions = new List<SpeechRegion>();
        for (double t = 0; t + 9.5 <= seconds; t += 10) regions.Add(Seconds(t, t + 9.5));
        return regions;
    }

    private static bool InSpeech(IEnumerable<SpeechRegion> speech, long cut) => speech.Any(r => cut > r.Start && cut < r.End);

    [Fact]
    public void PlanCuts_RegularTurns_GivesEqualChunksCutInPauses()
    {
        var speech = RegularTurns(600);

        var cuts = SpeechChunkPlanner.PlanCuts(speech, 600L * Rate, chunkCount: 6, searchSamples: 25L * Rate);

        Assert.Equal(7, cuts.Count);
        Assert.Equal((0L, 600L * Rate), (cuts[0], cuts[^1]));
        Assert.All(cuts, c => Assert.False(InSpeech(speech, c), $"cut at {c / (double)Rate:0.00} s is inside speech"));
        var lengths = cuts.Zip(cuts.Skip(1), (a, b) => (b - a) / (double)Rate).ToList();
        Assert.All(lengths, l => Assert.InRange(l, 95, 105));
    }

    [Fact]
    public void PlanCuts_LongPauseNearTheTarget_BeatsAShortPauseAtIt()
    {
        // Target 50 s: a 0.2 s pause right there, a 2 s pause 4 s later.
        var speech = new List<SpeechRegion> { Seconds(0, 49.9), Seconds(50.1, 54), Seconds(56, 100) };

        var cuts = SpeechChunkPlanner.PlanCuts(speech, 100L * Rate, chunkCount: 2, searchSamples: 12L * Rate);

        Assert.Equal(55.0, cuts[1] / (double)Rate, 2);
    }

    [Fact]
    public void PlanCuts_NoPauseInTheSearchWindow_WidensTheSearchRatherThanCutSpeech()
    {
        // One pause only, 20 s from the 50 s target and outside the 10 s window.
        var speech = new List<SpeechRegion> { Seconds(0, 70), Seconds(70.5, 100) };

        var cuts = SpeechChunkPlanner.PlanCuts(speech, 100L * Rate, chunkCount: 2, searchSamples: 10L * Rate);

        Assert.Equal(70.25, cuts[1] / (double)Rate, 2);
    }

    [Fact]
    public void PlanCuts_SpeechWithoutAnyPause_CutsAtTheTargets()
    {
        var cuts = SpeechChunkPlanner.PlanCuts([Seconds(0, 90)], 90L * Rate, chunkCount: 3, searchSamples: 5L * Rate);

        Assert.Equal([0L, 30L * Rate, 60L * Rate, 90L * Rate], cuts);
    }

    [Fact]
    public void PlanCuts_NoSpeechAtAll_CutsEvenly()
    {
        var cuts = SpeechChunkPlanner.PlanCuts([], 90L * Rate, chunkCount: 3, searchSamples: 10L * Rate);

        Assert.Equal([0L, 30L * Rate, 60L * Rate, 90L * Rate], cuts);
    }

    [Fact]
    public void PlanCuts_OneChunk_IsTheWholeRecording()
    {
        Assert.Equal([0L, 90L * Rate], SpeechChunkPlanner.PlanCuts(RegularTurns(90), 90L * Rate, chunkCount: 1, searchSamples: Rate));
    }

    [Fact]
    public void Silences_AreTheGapsAroundAndBetweenRegions()
    {
        var gaps = SpeechChunkPlanner.Silences([Seconds(1, 2), Seconds(2, 3), Seconds(5, 6)], 8L * Rate);

        Assert.Equal([Seconds(0, 1), Seconds(3, 5), Seconds(6, 8)], gaps);
    }
}
