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
        };
        var results = new List<(string Label, double Seconds, double Wer, double ChildCpu)>();
        foreach (var (label, configure) in runs)
        {
            var options = new PocketSphinxOptions();
            configure(options);
            var engine = TestEngines.PocketSphinx(options, _temp.Path);
            var cpuBefore = ChildCpuSeconds();
            var clock = Stopwatch.StartNew();
            var transcript = await engine.TranscribeAsync(new LocalFileAudioSource("measure", wav), TranscriptionRequest.ForLanguage("en"), CancellationToken.None);
            results.Add((label, clock.Elapsed.TotalSeconds, Recognition.WordErrorRate(reference, Recognition.Words(transcript)), ChildCpuSeconds() - cpuBefore));
        }
        output.WriteLine($"load average after the engine runs: {File.ReadAllText("/proc/loadavg").Trim()}");

        // The chunks decoded one at a time, each process's CPU time taken: a 2-worker schedule of those
        // times (plus planning) is what an idle 2-core machine would take, whatever else shares this one now.
        var schedules = new List<(string Label, ChunkProfile Profile)>();
        foreach (var segmentation in new[] { SpeechSegmentation.Silero, SpeechSegmentation.Energy })
            schedules.Add(($"{segmentation.ToString().ToLowerInvariant()} chunks", await ProfileChunksAsync(wav, segmentation, reference)));
        output.WriteLine($"load average at the end: {File.ReadAllText("/proc/loadavg").Trim()}");

        var wholeCpu = results[0].ChildCpu;
        output.WriteLine($"| {name} ({audioSeconds:0} s) | wall s | speed-up | WER | recogniser CPU s |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (label, seconds, wer, cpu) in results)
            output.WriteLine($"| {label}, measured | {seconds:0.0} | {results[0].Seconds / seconds:0.00}x | {wer:0.000} | {cpu:0.0} |");
        foreach (var (label, profile) in schedules)
        {
            var makespan = profile.PlanSeconds + TwoWorkerMakespan(profile.ChunkCpu);
            output.WriteLine($"| {label}, idle 2 cores from CPU times [{string.Join(", ", profile.ChunkCpu.Select(c => c.ToString("0.0")))}] + {profile.PlanSeconds:0.0} s planning " +
                             $"| {makespan:0.0} | {wholeCpu / makespan:0.00}x (sum of chunks / makespan {profile.ChunkCpu.Sum() / makespan:0.00}x) | {profile.Wer:0.000} | {profile.ChunkCpu.Sum():0.0} |");
        }

        var whole = results[0].Wer;
        Assert.True(results[1].Wer <= whole + 0.03, $"silero-chunked WER {results[1].Wer:0.000} vs whole-file {whole:0.000}");
    }

    private sealed record ChunkProfile(double PlanSeconds, List<double> ChunkCpu, double Wer);

    /// <summary>Planning time (decoding excluded), the CPU seconds of one recogniser per chunk, and the WER of the joined chunks.</summary>
    private async Task<ChunkProfile> ProfileChunksAsync(string wav, SpeechSegmentation segmentation, IReadOnlyList<string> reference)
    {
        var options = Microsoft.Extensions.Options.Options.Create(new PocketSphinxOptions { MaxParallelism = 2, ParallelThreshold = TimeSpan.Zero, Segmentation = segmentation });
        using var splitter = new RecordingSplitter(options, Microsoft.Extensions.Logging.Abstractions.NullLogger<RecordingSplitter>.Instance);
        using var audio = await new FfmpegAudioDecoder(TestAudio.Ffmpeg(), new Workflow.Composition.WorkArea(_temp.Path)).DecodeAsync(wav, CancellationToken.None);
        splitter.Split(audio, CancellationToken.None); // loads the model, as the first recording of a host does
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(audio.Path)!, "chunk-*.wav")) File.Delete(file);
        var clock = Stopwatch.StartNew();
        var chunks = splitter.Split(audio, CancellationToken.None);
        var planSeconds = clock.Elapsed.TotalSeconds;
        var cpu = new List<double>();
        var words = new List<string>();
        foreach (var chunk in chunks)
        {
            var result = await ProcessRunner.RunAsync("/usr/bin/time", ["-f", "cpu %U %S", "pocketsphinx_continuous", "-infile", chunk.Path, "-time", "yes"],
                "install time and pocketsphinx", TimeSpan.FromMinutes(30), CancellationToken.None);
            var line = result.StandardErrorTail.Last(l => l.StartsWith("cpu ", StringComparison.Ordinal)).Split(' ');
            cpu.Add(double.Parse(line[1], System.Globalization.CultureInfo.InvariantCulture) + double.Parse(line[2], System.Globalization.CultureInfo.InvariantCulture));
            words.AddRange(PocketSphinxOutputParser.Parse(result.StandardOutput, chunk.OffsetSeconds).SelectMany(u => u)
                .Where(w => w.StartSeconds >= chunk.OwnStartSeconds).Select(w => w.Text.ToLowerInvariant()));
        }
        return new ChunkProfile(planSeconds, cpu, Recognition.WordErrorRate(reference, words));
    }

    /// <summary>When the last chunk ends if two workers take the chunks in order, each the next when free (as the engine does).</summary>
    private static double TwoWorkerMakespan(IEnumerable<double> chunkSeconds)
    {
        var free = new double[2];
        foreach (var seconds in chunkSeconds)
        {
            var worker = free[0] <= free[1] ? 0 : 1;
            free[worker] += seconds;
        }
        return free.Max();
    }

    /// <summary>CPU seconds used by this process's finished children (ffmpeg, the recognisers), from /proc.</summary>
    private static double ChildCpuSeconds()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields 16 and 17 of stat (cutime, cstime), counted from the state field, which is field 3.
        return (long.Parse(fields[16 - 3]) + long.Parse(fields[17 - 3])) / 100.0;
    }

    // "<s> words </s> (file-id)"
    [GeneratedRegex(@"^<s>\s*(?<text>.*?)\s*</s>\s*\((?<id>[^)]+)\)\s*$")]
    private static partial Regex ReferenceLine();
}
