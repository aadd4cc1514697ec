using Workflow.Engines.Local.Diarization;

namespace Workflow.Engines.Local.Tests.Diarization;

public sealed class SpeakerDiarizerTests
{
    private static readonly SpeakerDiarizer Diarizer = new(new DiarizationSettings());

    [Fact]
    public void Cluster_TwoSyntheticVoices_CountUnknown_SeparatesThem()
    {
        var (windows, features, truth) = SyntheticFrames.Windows(2, windowsPerVoice: 15, separation: 2, seed: 21);

        var timeline = Diarizer.Cluster(windows, features, expectedSpeakers: null, CancellationToken.None);

        Assert.Equal(2, timeline.SpeakerCount);
        for (var i = 1; i < truth.Count; i++)
            Assert.Equal(truth[i] == truth[0], timeline.SpeakerAt(windows[i].Midpoint) == timeline.SpeakerAt(windows[0].Midpoint));
    }

    [Fact]
    public void Cluster_OneSyntheticVoice_CountUnknown_StaysOneSpeaker()
    {
        var (windows, features, _) = SyntheticFrames.Windows(1, windowsPerVoice: 40, separation: 0, seed: 22);

        var timeline = Diarizer.Cluster(windows, features, expectedSpeakers: null, CancellationToken.None);

        Assert.Equal(1, timeline.SpeakerCount);
    }

    [Fact]
    public void Cluster_OneSyntheticVoice_CountKnownAsTwo_StaysOneSpeaker()
    {
        // An interview's metadata says two people; only one was recorded.
        var (windows, features, _) = SyntheticFrames.Windows(1, windowsPerVoice: 40, separation: 0, seed: 22);

        Assert.Equal(1, Diarizer.Cluster(windows, features, expectedSpeakers: 2, CancellationToken.None).SpeakerCount);
    }

    [Fact]
    public void Cluster_CountKnown_UsesIt()
    {
        var (windows, features, _) = SyntheticFrames.Windows(3, windowsPerVoice: 10, separation: 2, seed: 23);

        Assert.Equal(3, Diarizer.Cluster(windows, features, expectedSpeakers: 3, CancellationToken.None).SpeakerCount);
        Assert.Equal(2, Diarizer.Cluster(windows, features, expectedSpeakers: 2, CancellationToken.None).SpeakerCount);
    }

    [Fact]
    public void Diarize_CountOfOne_ShortCircuitsWithoutReadingAudio()
    {
        var timeline = Diarizer.Diarize("/nonexistent/audio.wav", [new SpeechRegion(0, 10)], expectedSpeakers: 1, CancellationToken.None);

        Assert.Equal(1, timeline.SpeakerCount);
        Assert.Equal(0, timeline.SpeakerAt(5));
    }

    [Fact]
    public void SpeakerAt_BetweenWindows_TakesTheNearest()
    {
        var timeline = new SpeakerTimeline([new AnalysisWindow(0, 2, 0), new AnalysisWindow(5, 7, 1)], [3, 4], 2);

        Assert.Equal(3, timeline.SpeakerAt(1));
        Assert.Equal(3, timeline.SpeakerAt(3));
        Assert.Equal(4, timeline.SpeakerAt(4.5));
        Assert.Equal(4, timeline.SpeakerAt(6));
        Assert.Equal(4, timeline.SpeakerAt(100));
        Assert.Equal(3, timeline.SpeakerAt(-1));
    }

    [Fact]
    public void SpeechRegions_FromWords_JoinsShortPausesOnly()
    {
        var words = new[] { W(0, 0.5), W(0.6, 1.0), W(2.0, 2.4), W(2.5, 3.0) };

        Assert.Equal([new SpeechRegion(0, 1.0), new SpeechRegion(2.0, 3.0)], SpeechRegion.FromWords(words, maxGapSeconds: 0.4));
    }

    [Fact]
    public void AnalysisWindows_Split_CutsRegionsIntoEqualWindowsNearTheTarget()
    {
        var windows = AnalysisWindow.Split([new SpeechRegion(0, 5), new SpeechRegion(10, 10.8)], targetSeconds: 2);

        Assert.Equal([new AnalysisWindow(0, 2.5, 0), new AnalysisWindow(2.5, 5, 0), new AnalysisWindow(10, 10.8, 1)], windows);
    }

    private static Workflow.Domain.Transcripts.Word W(double start, double end) => new("w", start, end, 1);
}
