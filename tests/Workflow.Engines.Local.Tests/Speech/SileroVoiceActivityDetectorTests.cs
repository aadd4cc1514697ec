using System.Diagnostics;
using Workflow.Engines.Local.Speech;
using Workflow.Engines.Local.Tests.Transcription;
using Xunit.Abstractions;

namespace Workflow.Engines.Local.Tests.Speech;

public sealed class SileroVoiceActivityDetectorTests(PausedSpeechFixture speech, ITestOutputHelper output)
    : IClassFixture<PausedSpeechFixture>, IDisposable
{
    // Copied into the test output by the Engines.Local build from .tools/vad (scripts/setup.sh).
    private static readonly string ModelPath = Path.Combine(AppContext.BaseDirectory, "models", "silero_vad_v5.onnx");

    private readonly TempFolder _temp = new();
    private readonly SileroVoiceActivityDetector _detector = new(ModelPath);

    public void Dispose()
    {
        _detector.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void Detect_TurnsSeparatedByPauses_FindsEachTurnWithinTolerance()
    {
        var clock = Stopwatch.StartNew();
        var regions = _detector.Detect(speech.WavPath, CancellationToken.None);
        var seconds = clock.Elapsed.TotalSeconds;

        var audioSeconds = speech.Truth[^1].End + speech.Truth.Count; // close enough for a rate
        output.WriteLine($"{regions.Count} regions in {seconds:0.00} s ({seconds / audioSeconds * 1000:0.0} ms per audio second)");
        foreach (var (region, truth) in regions.Zip(speech.Truth))
            output.WriteLine($"found {region.StartSeconds:0.00}-{region.EndSeconds:0.00}, spoken {truth.Start:0.00}-{truth.End:0.00}");

        Assert.Equal(speech.Truth.Count, regions.Count);
        foreach (var (region, truth) in regions.Zip(speech.Truth))
        {
            // Padding is 0.1 s; the model needs a frame or two (32 ms each) to react either way.
            Assert.InRange(region.StartSeconds, truth.Start - 0.3, truth.Start + 0.15);
            Assert.InRange(region.EndSeconds, truth.End - 0.15, truth.End + 0.45);
        }
    }

    [Fact]
    public void Detect_Range_AgreesWithTheWholeFileClippedToTheRange()
    {
        // 6-14 s starts in the second turn's speech and ends in the pause after the third.
        var (from, to) = (6L * 16000, 14L * 16000);

        var inRange = _detector.Detect(speech.WavPath, from, to, CancellationToken.None);
        var whole = _detector.Detect(speech.WavPath, CancellationToken.None)
            .Where(r => r.End > from && r.Start < to)
            .Select(r => new SpeechRegion(Math.Max(r.Start, from), Math.Min(r.End, to)))
            .ToList();

        Assert.Equal(whole.Count, inRange.Count);
        Assert.Equal(from, inRange[0].Start);
        foreach (var (a, b) in inRange.Zip(whole))
        {
            Assert.InRange(a.StartSeconds - b.StartSeconds, -0.07, 0.07);
            Assert.InRange(a.EndSeconds - b.EndSeconds, -0.07, 0.07);
        }
    }

    [Theory]
    [InlineData(0)]     // digital silence
    [InlineData(160)]   // the noise floor of the synthesized recordings
    [InlineData(3000)]  // loud hiss, about -20 dBFS
    public void Detect_NoSpeech_FindsNoRegions(int noiseAmplitude)
    {
        var path = _temp.File($"noise-{noiseAmplitude}.wav");
        SpokenScene.WriteNoise(path, seconds: 12, noiseAmplitude);

        Assert.Empty(_detector.Detect(path, CancellationToken.None));
    }

    [PocketSphinxTestDataFact]
    public void Detect_LibriVoxReadSpeech_FindsSpeechCoveringMostOfEachClip()
    {
        foreach (var clip in Directory.EnumerateFiles(PocketSphinxTestDataFactAttribute.LibriVoxDirectory, "*.wav"))
        {
            var regions = _detector.Detect(clip, CancellationToken.None);
            var clipSeconds = new FileInfo(clip).Length / 32000.0;
            var speechSeconds = regions.Sum(r => r.EndSeconds - r.StartSeconds);
            output.WriteLine($"{Path.GetFileName(clip)}: {regions.Count} regions, {speechSeconds:0.0} of {clipSeconds:0.0} s");
            Assert.InRange(speechSeconds / clipSeconds, 0.6, 1.0);
        }
    }

    [Fact]
    public void Detect_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => _detector.Detect(speech.WavPath, cancelled.Token));
    }

    [Fact]
    public void Constructor_MissingModel_SaysWhichFile()
    {
        var missing = _temp.File("nothing-here.onnx");

        var error = Assert.Throws<FileNotFoundException>(() => new SileroVoiceActivityDetector(missing));

        Assert.Equal(missing, error.FileName);
    }
}
