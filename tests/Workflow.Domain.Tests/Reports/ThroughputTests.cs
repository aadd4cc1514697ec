using Workflow.Domain.Exports.Reports;
using Workflow.Domain.Recordings;
using Xunit;

namespace Workflow.Domain.Tests.Reports;

public sealed class ThroughputTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    [Fact]
    public void Advance_RecordsTheWaitSinceUpload_ThenAPassPerStage_AndARetriedUpdateAddsNothing()
    {
        var passes = StageTimings.Advance(null, T0, PipelineStage.Ingesting, RecordingStatus.Running, At(5));
        passes = StageTimings.Advance(passes, T0, PipelineStage.Transcribing, RecordingStatus.Running, At(7));
        var retried = StageTimings.Advance(passes, T0, PipelineStage.Transcribing, RecordingStatus.Running, At(9));

        Assert.Same(passes, retried);
        Assert.Equal([
            new StageTiming(PipelineStage.Received, T0, At(5)),
            new StageTiming(PipelineStage.Ingesting, At(5), At(7)),
            new StageTiming(PipelineStage.Transcribing, At(7)),
        ], passes);
    }

    [Theory]
    [InlineData(PipelineStage.Completed, RecordingStatus.Completed)]
    [InlineData(PipelineStage.Coding, RecordingStatus.Failed)]
    [InlineData(PipelineStage.Coding, RecordingStatus.Deleting)]
    public void Ending_ClosesTheOpenPass_AndOpensNone(PipelineStage stage, RecordingStatus status)
    {
        var passes = StageTimings.Advance([new StageTiming(PipelineStage.Coding, At(1))], T0, stage, status, At(4));

        Assert.Equal([new StageTiming(PipelineStage.Coding, At(1), At(4))], passes);
    }

    [Fact]
    public void ABatchReRun_AddsPasses_AndOnlyTheMostRecentAreKept()
    {
        IReadOnlyList<StageTiming> passes = [new StageTiming(PipelineStage.Coding, At(0), At(1))];
        for (var i = 0; i < 100; i++)
        {
            passes = StageTimings.Advance(passes, T0, PipelineStage.Coding, RecordingStatus.Running, At(10 * i + 2));
            passes = StageTimings.Advance(passes, T0, PipelineStage.Completed, RecordingStatus.Completed, At(10 * i + 5));
        }

        Assert.Equal(StageTimings.MaxPasses, passes.Count);
        Assert.Equal(new StageTiming(PipelineStage.Coding, At(992), At(995)), passes[^1]);
        Assert.All(passes, p => Assert.Equal(TimeSpan.FromSeconds(3), p.Duration));
    }

    [Fact]
    public void AClockThatStepsBack_NeverGivesANegativeDuration()
    {
        var passes = StageTimings.Advance([new StageTiming(PipelineStage.Coding, At(10))], T0, PipelineStage.Finalizing, RecordingStatus.Running, At(8));

        Assert.Equal(TimeSpan.Zero, passes[0].Duration);
    }

    private static Recording Recorded(string id, RecordingStatus status, PipelineStage stage, double? audioSeconds, params StageTiming[] passes) =>
        new(id, "s1", new RecordingMetadata("site-a", RecordingFormat.IndividualInterview, [], null, null, new ConsentFlags(true, true, false, false)),
            SourceKind.Audio, "a.wav", "audio/wav", 1, new string('a', 64), stage, status, null, null, T0, T0, audioSeconds,
            Timings: passes.Length == 0 ? null : passes);

    [Fact]
    public void Build_GivesPercentilesBusyRateAndAudioRate_PerStage_AndLeavesFailedPassesOutOfTheDurations()
    {
        var report = ThroughputReportBuilder.Build("s1", "Study", [
            // Two transcriptions at the same time (10 s and 20 s of a 20 s busy window) and one that failed.
            Recorded("r1", RecordingStatus.Completed, PipelineStage.Completed, 60, new StageTiming(PipelineStage.Transcribing, At(0), At(10))),
            Recorded("r2", RecordingStatus.WaitingForVerification, PipelineStage.AwaitingVerification, 30,
                new StageTiming(PipelineStage.Transcribing, At(0), At(20)), new StageTiming(PipelineStage.AwaitingVerification, At(20))),
            Recorded("r3", RecordingStatus.Failed, PipelineStage.Transcribing, 99, new StageTiming(PipelineStage.Transcribing, At(0), At(500))),
            Recorded("old", RecordingStatus.Completed, PipelineStage.Completed, 10),
        ]);

        Assert.Equal((4, 1), (report.Recordings, report.RecordingsWithoutTimings));
        var transcribing = Assert.Single(report.Stages, s => s.Stage == PipelineStage.Transcribing);
        Assert.Equal((2, 10.0, 20.0, 20.0), (transcribing.Passes, transcribing.MedianSeconds, transcribing.P90Seconds, transcribing.MaxSeconds));
        Assert.Equal(360, transcribing.PerHour);
        Assert.Equal(3, transcribing.AudioSecondsPerSecond);
        Assert.Equal((0, 1), (transcribing.Current, transcribing.Failed));
        var waiting = Assert.Single(report.Stages, s => s.Stage == PipelineStage.AwaitingVerification);
        Assert.Equal((0, 1, (double?)null), (waiting.Passes, waiting.Current, waiting.MedianSeconds));
        Assert.DoesNotContain(report.Stages, s => s.Stage == PipelineStage.Completed);
        Assert.Null(Assert.Single(report.Stages, s => s.Stage == PipelineStage.Coding).AudioSecondsPerSecond);
    }

    [Fact]
    public void BusySeconds_IsTheUnionOfTheIntervals()
    {
        Assert.Equal(25, ThroughputReportBuilder.BusySeconds([(At(0), At(10)), (At(5), At(15)), (At(20), At(30)), (At(21), At(22))]));
        Assert.Equal(0, ThroughputReportBuilder.BusySeconds([]));
    }

    [Fact]
    public void TheCsvHasARowPerStage_AndTheHtmlEncodesTheStudyName()
    {
        var report = ThroughputReportBuilder.Build("s1", "<Study & co>", [
            Recorded("r1", RecordingStatus.Completed, PipelineStage.Completed, 60, new StageTiming(PipelineStage.Coding, At(0), At(1.5)))]);

        var lines = ThroughputReportText.Csv(report).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + ThroughputReportBuilder.Stages.Count, lines.Length);
        Assert.Equal("stage,passes,median_seconds,p90_seconds,max_seconds,per_hour,audio_seconds_per_second,current,failed", lines[0]);
        Assert.Contains("Coding,1,1.5,1.5,1.5,2400,,0,0", lines);
        var html = ThroughputReportText.Html(report, T0);
        Assert.Contains("&lt;Study &amp; co&gt;", html);
        Assert.DoesNotContain("<Study", html);
        Assert.Contains("Awaiting verification", html);
    }
}
