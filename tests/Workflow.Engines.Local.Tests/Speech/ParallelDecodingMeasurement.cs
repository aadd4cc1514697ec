using System.Diagnostics;
using System.Text.RegularExpressions;
using Workflow.Domain.Ports;
using Workflow.Engines.Local.Speech;
using Workflow.Engines.Local.Tests.Transcription;
using Workflow.Engines.Local.Transcription;
using Xunit.Abstractions;

namespace Workflow.Engines.Local.Tests.Speech;

/// <summary>
/// Wall time and word error rate of one recogniser on the whole file against parallel chunks cut at
/// Silero speech boundaries (and, for comparison, today's energy cuts), plus the detector's own time.
/// Prints a table; asserts only accuracy, because timings on a shared machine are not repeatable.
/// Run: WORKFLOW_MEASURE=1 dotnet test tests/Workflow.Engines.Local.Tests -c Release --filter ParallelDecodingMeasurement --logger "console;verbosity=detailed"
/// </summary>
public sealed partial class ParallelDecodingMeasurement(ITestOutputHelper output) : IDisposable
{
    private static readonly string ModelPath = Path.Combine(AppContext.BaseDirectory, "models", "silero_vad_v5.onnx");

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [MeasurementFact]
    public async Task SyntheticInterview_ParallelChunks_AreFasterAndAsAccurate()
    {
        var wav = _temp.File("interview.wav");
        await SpokenScene.WriteAsync(wav, SyntheticInterview.Turns());
        await MeasureAsync("synthetic interview", wav, Recognition.Words(SyntheticInterview.ReferenceText()));
    }

    [MeasurementFact(NeedsLibriVox = true)]
    public async Task LibriVoxClips_ParallelChunks_AreAsAccurate()
    {
        // Real read speech: the five clips, one second apart, three times over (about 95 s), so it is long enough to cut.
        var directory = PocketSphinxTestDataFactAttribute.LibriVoxDirectory;
        var clips = new List<(string Path, string Text)>();
        foreach (var line in await File.ReadAllLinesAsync(Path.Combine(directory, "transcription")))
            if (ReferenceLine().Match(line) is { Success: true } match)
                clips.Add((Path.Combine(directory, match.Groups["id"].Value + ".wav"), match.Groups["text"].Value));
        var repeated = Enumerable.Repeat(clips, 3).SelectMany(c => c).ToList();
        var wav = _temp.File("librivox.wav");
        SpokenScene.Concatenate(wav, repeated.Select(c => c.Path), pauseSeconds: 1.0);
        await MeasureAsync("LibriVox x3", wav, Recognition.Words(string.Join(' ', repeated.Select(c => c.Text))));
    }

    private async Task MeasureAsync(string name, string wav, IReadOnlyList<string> reference)
    {
        var audioSeconds = WavLayout.Read(wav)!.AvailableDataSize / (double)DecodedAudio.BytesPerSecond;
        double vadSeconds;
        using (var detector = new SileroVoiceActivityDetector(ModelPath))
        {
            var clock = Stopwatch.StartNew();
            var regions = detector.Detect(wav, CancellationToken.None);
            vadSeconds = clock.Elapsed.TotalSeconds;
            output.WriteLine($"{name}: {audioSeconds:0.0} s, {regions.Count} speech regions, VAD {vadSeconds:0.00} s ({vadSeconds / audioSeconds * 1000:0.0} ms per audio second)");
        }

        var runs = new (string Label, Action<PocketSphinxOptions> Configure)[]
        {
            ("whole file, 1 process", o => o.MaxParallelism = 1),
            ("silero chunks, 2 processes", o => (o.MaxParallelism, o.ParallelThreshold) = (2, TimeSpan.Zero)),
            ("energy 2-min chunks, 2 processes", o => (o.MaxParallelism, o.ParallelThreshold, o.Segmentation) = (2, TimeSpan.Zero, SpeechSegmentation.Energy)),
        };
        var results = new List<(string Label, double Seconds, double Wer)>();
        foreach (var (label, configure) in runs)
        {
            var options = new PocketSphinxOptions();
            configure(options);
            var engine = TestEngines.PocketSphinx(options, _temp.Path);
            var clock = Stopwatch.StartNew();
            var transcript = await engine.TranscribeAsync(new LocalFileAudioSource("measure", wav), TranscriptionRequest.ForLanguage("en"), CancellationToken.None);
            results.Add((label, clock.Elapsed.TotalSeconds, Recognition.WordErrorRate(reference, Recognition.Words(transcript))));
        }

        output.WriteLine($"| {name} | wall s | speed-up | WER |");
        output.WriteLine("|---|---:|---:|---:|");
        foreach (var (label, seconds, wer) in results)
            output.WriteLine($"| {label} | {seconds:0.0} | {results[0].Seconds / seconds:0.00}x | {wer:0.000} |");

        var whole = results[0].Wer;
        Assert.True(results[1].Wer <= whole + 0.03, $"silero-chunked WER {results[1].Wer:0.000} vs whole-file {whole:0.000}");
    }

    // "<s> words </s> (file-id)"
    [GeneratedRegex(@"^<s>\s*(?<text>.*?)\s*</s>\s*\((?<id>[^)]+)\)\s*$")]
    private static partial Regex ReferenceLine();
}
