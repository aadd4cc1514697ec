using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Workflow.Composition;
using Workflow.Domain.Ports;
using Workflow.Engines.Local.Transcription;

namespace Workflow.Engines.Local.Tests.Transcription;

public sealed class RecordingSplitterTests(LongSpeechFixture speech) : IClassFixture<LongSpeechFixture>, IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static RecordingSplitter Splitter(Action<PocketSphinxOptions> configure)
    {
        var options = new PocketSphinxOptions();
        configure(options);
        return new RecordingSplitter(Options.Create(options), NullLogger<RecordingSplitter>.Instance);
    }

    private Task<DecodedAudio> DecodeAsync() =>
        new FfmpegAudioDecoder(TestAudio.Ffmpeg(), new WorkArea(_temp.Path)).DecodeAsync(speech.WavPath, CancellationToken.None);

    [Fact]
    public void CheckAvailable_SileroWithoutTheModel_NamesTheSettingsAndTheInstallStep()
    {
        using var splitter = Splitter(o => (o.MaxParallelism, o.VadModelPath) = (2, _temp.File("missing.onnx")));

        var error = Assert.Throws<EngineUnavailableException>(splitter.CheckAvailable);

        Assert.Contains("Engines:PocketSphinx:Segmentation", error.Message);
        Assert.Contains("Engines:PocketSphinx:VadModelPath", error.Message);
        Assert.Contains("ensure_vad_model", error.Message);
    }

    [Fact]
    public void CheckAvailable_EnergySegmentationOrNoParallelism_NeedsNoModel()
    {
        using var energy = Splitter(o => (o.MaxParallelism, o.VadModelPath, o.Segmentation) = (2, _temp.File("missing.onnx"), SpeechSegmentation.Energy));
        using var serial = Splitter(o => (o.MaxParallelism, o.VadModelPath) = (1, _temp.File("missing.onnx")));

        energy.CheckAvailable();
        serial.CheckAvailable();
    }

    [Fact]
    public async Task TranscribeAsync_SileroWithoutTheModel_FailsTheStageBeforeDecoding()
    {
        var engine = TestEngines.PocketSphinx(new PocketSphinxOptions { MaxParallelism = 2, VadModelPath = _temp.File("missing.onnx") }, _temp.Path);

        await Assert.ThrowsAsync<EngineUnavailableException>(() =>
            engine.TranscribeAsync(new LocalFileAudioSource("rec", speech.WavPath), TranscriptionRequest.ForLanguage(null), CancellationToken.None));
    }

    [Fact]
    public async Task Split_Silero_GivesContiguousChunksCutOutsideSpeech()
    {
        using var audio = await DecodeAsync();
        using var splitter = Splitter(o => (o.MaxParallelism, o.ParallelThreshold, o.ChunkLength) = (2, TimeSpan.Zero, TimeSpan.FromSeconds(12)));

        var chunks = splitter.Split(audio, CancellationToken.None);

        // 44 s at most 12 s a chunk: 4 chunks (too short for 3 per worker at 30 s each).
        Assert.Equal(4, chunks.Count);
        Assert.Equal((0.0, 0.0), (chunks[0].OffsetSeconds, chunks[0].LeadInSeconds));
        for (var i = 1; i < chunks.Count; i++)
        {
            // Each chunk's own audio starts where the previous one ends; its lead-in repeats up to 5 s before that.
            Assert.Equal(chunks[i - 1].OffsetSeconds + chunks[i - 1].DurationSeconds, chunks[i].OwnStartSeconds, 6);
            Assert.InRange(chunks[i].LeadInSeconds, 0.1, RecordingSplitter.LeadInSeconds);
            Assert.True(chunks[i].OffsetSeconds >= chunks[i - 1].OwnStartSeconds, "a lead-in never reaches back past the previous cut");
        }
        Assert.Equal(audio.DurationSeconds, chunks.Sum(c => c.DurationSeconds - c.LeadInSeconds), 6);
        var samples = AudioChunkerTests.ReadSamples(audio);
        foreach (var cut in chunks.Skip(1).Select(c => (int)(c.OwnStartSeconds * DecodedAudio.SampleRate)))
            Assert.True(AudioChunkerTests.Rms(samples, cut - 800, cut + 800) < 300, $"cut at {cut / 16000.0:0.00} s is not in a pause");
    }

    [Fact]
    public async Task Split_BelowTheThreshold_IsTheWholeFileWithoutDetection()
    {
        using var audio = await DecodeAsync();
        using var splitter = Splitter(o => (o.MaxParallelism, o.VadModelPath) = (2, _temp.File("missing.onnx")));

        Assert.Equal(audio.Path, splitter.Split(audio, CancellationToken.None).Single().Path);
    }

    [Theory]
    [InlineData(44, 2, 20, 4)]     // the cap on length decides, rounded up to a multiple of the workers
    [InlineData(90, 2, 120, 2)]    // 30 s chunks at least: 3, rounded down to 2 so both workers end together
    [InlineData(60, 2, 120, 2)]
    [InlineData(45, 2, 120, 1)]    // too short for two 30 s chunks
    [InlineData(390, 2, 120, 6)]   // 3 per worker
    [InlineData(456, 2, 120, 6)]
    [InlineData(7200, 2, 120, 60)] // two hours: 2-minute chunks
    [InlineData(600, 4, 120, 12)]
    [InlineData(150, 4, 120, 4)]
    [InlineData(300, 1, 120, 3)]   // one worker: only the length cap matters (the engine does not chunk then anyway)
    [InlineData(20, 2, 120, 1)]
    public void ChunkCount_BalancesWorkersWithinTheLengthLimits(double seconds, int workers, double maxChunk, int expected)
    {
        Assert.Equal(expected, RecordingSplitter.ChunkCount(seconds, workers, maxChunk));
    }
}
