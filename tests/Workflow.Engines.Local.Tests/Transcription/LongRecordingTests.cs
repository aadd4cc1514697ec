using Workflow.Domain.Ports;
using Workflow.Composition;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Workflow.Engines.Local.Transcription;
using Xunit.Abstractions;

namespace Workflow.Engines.Local.Tests.Transcription;

public sealed class LongRecordingTests(LongSpeechFixture speech, ITestOutputHelper output) : IClassFixture<LongSpeechFixture>, IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private PocketSphinxTranscriptionEngine Engine(Action<PocketSphinxOptions> configure)
    {
        var options = new PocketSphinxOptions();
        configure(options);
        return TestEngines.PocketSphinx(options, _temp.Path);
    }

    [Fact]
    public async Task TranscribeAsync_InParallelChunks_MatchesOneProcessClosely()
    {
        var duration = (await new FfmpegAudioProbe(TestAudio.Ffmpeg()).ProbeAsync(speech.WavPath, CancellationToken.None)).DurationSeconds;

        var clock = Stopwatch.StartNew();
        var single = await Engine(o => o.MaxParallelism = 1).TranscribeAsync(new LocalFileAudioSource("rec-long", speech.WavPath), TranscriptionRequest.ForLanguage(null), CancellationToken.None);
        var singleSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var chunked = await Engine(o => (o.MaxParallelism, o.ParallelThreshold, o.ChunkLength) = (2, TimeSpan.Zero, TimeSpan.FromSeconds(20)))
            .TranscribeAsync(new LocalFileAudioSource("rec-long", speech.WavPath), TranscriptionRequest.ForLanguage(null), CancellationToken.None);
        var chunkedSeconds = clock.Elapsed.TotalSeconds;

        var singleRecall = Recognition.ContentWordRecall(TestAudio.LongText, Recognition.Words(single));
        var chunkedRecall = Recognition.ContentWordRecall(TestAudio.LongText, Recognition.Words(chunked));
        output.WriteLine($"audio {duration:0.0} s; one process {singleSeconds:0.0} s (RTF {singleSeconds / duration:0.00}), recall {singleRecall:0.000}; " +
                         $"2 parallel chunks {chunkedSeconds:0.0} s (RTF {chunkedSeconds / duration:0.00}), recall {chunkedRecall:0.000}");

        PocketSphinxTranscriptionEngineTests.AssertWellFormed(single, duration);
        PocketSphinxTranscriptionEngineTests.AssertWellFormed(chunked, duration);
        Assert.True(chunked.Utterances[^1].EndSeconds > duration * 0.8, "the last chunk's words must carry their offset");
        Assert.True(chunkedRecall >= singleRecall - 0.15, $"chunked recall {chunkedRecall:0.000} vs single {singleRecall:0.000}");
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }
}
