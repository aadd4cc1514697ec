using Workflow.Engines.Local.Speech;

namespace Workflow.Engines.Local.Tests.Speech;

public sealed class SpeechRegionTrackerTests
{
    private const int Frame = 512; // 32 ms

    private static readonly VoiceActivitySettings NoPadding = new() { Padding = TimeSpan.Zero };

    /// <summary>One probability per 32 ms frame from a pattern: '#' 0.9, '+' 0.4 (between the thresholds), '.' 0.1.</summary>
    private static IReadOnlyList<SpeechRegion> Track(string pattern, VoiceActivitySettings? settings = null)
    {
        var tracker = new SpeechRegionTracker(settings ?? NoPadding);
        for (var i = 0; i < pattern.Length; i++)
            tracker.Add(i * (long)Frame, pattern[i] switch { '#' => 0.9f, '+' => 0.4f, _ => 0.1f });
        return tracker.Finish(0, pattern.Length * (long)Frame);
    }

    [Fact]
    public void Add_SpeechBetweenSilences_GivesOneRegionAtItsFrames()
    {
        var regions = Track(".........##########..........");

        Assert.Equal([new SpeechRegion(9 * Frame, 19 * Frame)], regions);
    }

    [Fact]
    public void Add_ProbabilityBetweenThresholds_KeepsSpeechGoingButDoesNotStartIt()
    {
        // Hysteresis: 0.4 is below the start threshold (0.5) and above the stop threshold (0.35).
        Assert.Equal([new SpeechRegion(3 * Frame, 21 * Frame)], Track("..+########++++++++##.........."));
    }

    [Fact]
    public void Add_PauseShorterThanMinimumSilence_DoesNotSplitTheRegion()
    {
        // 5 frames = 160 ms < 300 ms; 12 frames = 384 ms >= 300 ms.
        Assert.Single(Track("..##########.....##########......"));
        Assert.Equal(2, Track("..##########............##########.....").Count);
    }

    [Fact]
    public void Add_BurstShorterThanMinimumSpeech_IsDropped()
    {
        // 6 frames = 192 ms < 250 ms: a click or a cough.
        Assert.Empty(Track("..........######.............."));
    }

    [Fact]
    public void Finish_SpeechRunningToTheEnd_ClosesTheRegionAtTheEnd()
    {
        Assert.Equal([new SpeechRegion(4 * Frame, 20 * Frame)], Track("....################"));
    }

    [Fact]
    public void Pad_FarApartRegions_AreWidenedByThePaddingWithinTheFile()
    {
        var padded = SpeechRegionTracker.Pad([new(100, 1000), new(5000, 9000)], padding: 200, start: 0, end: 9100);

        Assert.Equal([new SpeechRegion(0, 1200), new SpeechRegion(4800, 9100)], padded);
    }

    [Fact]
    public void Pad_RangeInsideTheFile_StaysWithinTheRange()
    {
        var padded = SpeechRegionTracker.Pad([new(1000, 2000), new(3000, 3900)], padding: 200, start: 900, end: 4000);

        Assert.Equal([new SpeechRegion(900, 2200), new SpeechRegion(2800, 4000)], padded);
    }

    [Fact]
    public void Pad_CloseRegions_ShareTheGapAtItsMiddle()
    {
        var padded = SpeechRegionTracker.Pad([new(1000, 2000), new(2300, 3000)], padding: 200, start: 0, end: 10_000);

        Assert.Equal([new SpeechRegion(800, 2150), new SpeechRegion(2150, 3200)], padded);
    }
}
