using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Cli.Transcripts;
using Workflow.Composition;
using Workflow.Domain.Ports;
using Workflow.Domain.Serialization;
using Workflow.Domain.Studies;
using Workflow.Domain.Transcripts;
using Workflow.Engines.Local;
using Workflow.Engines.Local.Transcription;
using Workflow.Engines.Whisper;

namespace Workflow.Cli.Commands;

/// <summary>
/// <c>workflow transcribe AUDIO [--engine pocketsphinx|whisper] [--language L] [--speakers N] [--vocabulary FILE] [--out DIR]</c>:
/// transcribes a local recording with no server, through the same engine registrations and selection
/// as the pipeline, and writes the transcript as the pipeline stores it (<c>NAME.transcript.json</c>)
/// and as WebVTT (<c>NAME.vtt</c>). Both are identifiable: written owner-only, and only counts and
/// timings are printed, never what was said. Settings come from the environment
/// (e.g. <c>Engines__Whisper__ModelPath</c>).
/// </summary>
internal static class TranscribeCommand
{
    public const string Usage = "workflow transcribe AUDIO [--engine pocketsphinx|whisper] [--language en-GB] [--speakers N] [--vocabulary FILE] [--out DIR]";

    private static readonly string[] Options = ["--engine", "--language", "--speakers", "--vocabulary", "--out"];

    /// <summary>The names people type, and the engine keys the composition registers them under.</summary>
    private static readonly Dictionary<string, string> EngineKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pocketsphinx"] = "local",
        ["whisper"] = WhisperEngineServiceCollectionExtensions.EngineKey,
    };

    public static async Task<int> RunAsync(IEnumerable<string> args, CliContext cli)
    {
        var a = Arguments.Parse(args, Options);
        if (a.Positional.Count != 1) throw new UsageException("transcribe takes one audio file.");
        var audioPath = a.Positional[0];
        var engineName = a.Option("--engine") ?? "pocketsphinx";
        if (!EngineKeys.TryGetValue(engineName, out var engineKey))
            throw new UsageException($"--engine must be one of {string.Join(", ", EngineKeys.Keys)}; '{engineName}' is not.");
        var speakers = a.Integer("--speakers", min: 1);
        if (!File.Exists(audioPath)) return await FailAsync(cli, $"no such audio file: {audioPath}", 2);
        IReadOnlyList<string>? vocabulary = null;
        if (a.Option("--vocabulary") is { } vocabularyPath)
        {
            if (!File.Exists(vocabularyPath)) return await FailAsync(cli, $"no such vocabulary file: {vocabularyPath}", 2);
            vocabulary = await ReadVocabularyAsync(vocabularyPath, cli.Cancellation);
        }
        var outDir = a.Option("--out") ?? Path.GetDirectoryName(Path.GetFullPath(audioPath))!;

        // Engine settings from the environment; --engine wins over an Engines__Transcription there.
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Engines:Transcription"] = engineKey })
            .Build();
        // Decoded audio goes to a private folder of this run, removed at the end whatever happens.
        var workArea = Path.Combine(Path.GetTempPath(), $"workflow-cli-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            var services = new ServiceCollection().AddLogging();
            services.AddSingleton<IWorkArea>(new WorkArea(workArea));
            services.AddLocalEngines(configuration).AddWhisperEngine(configuration).AddEngineSelection(configuration);
            await using var provider = services.BuildServiceProvider();
            var engine = provider.GetRequiredService<EngineSelection>().Transcription(new Study("local", "local", [], DateTimeOffset.UtcNow));
            var name = Path.GetFileNameWithoutExtension(audioPath);
            var audio = await provider.GetRequiredService<IAudioProbe>().ProbeAsync(audioPath, cli.Cancellation);

            var clock = Stopwatch.StartNew();
            var request = new TranscriptionRequest(a.Option("--language"), speakers, vocabulary);
            var transcript = await engine.TranscribeAsync(new LocalFileAudioSource(name, audioPath), request, cli.Cancellation)
                with { EngineVersion = engine.Version };
            clock.Stop();

            Directory.CreateDirectory(outDir);
            var jsonPath = Path.Combine(outDir, name + ".transcript.json");
            var vttPath = Path.Combine(outDir, name + ".vtt");
            await OwnerOnlyFile.WriteAsync(jsonPath, WorkflowJson.Serialize(transcript), cli.Cancellation);
            await OwnerOnlyFile.WriteAsync(vttPath, WebVttWriter.Write(transcript), cli.Cancellation);

            await cli.Out.WriteLineAsync(Summary(transcript, audio.DurationSeconds, clock.Elapsed.TotalSeconds));
            await cli.Out.WriteLineAsync($"wrote {jsonPath} (identifiable: owner-only)");
            await cli.Out.WriteLineAsync($"wrote {vttPath} (identifiable: owner-only)");
            return 0;
        }
        catch (InvalidOperationException e) when (e.Message.Contains("Engines:", StringComparison.Ordinal))
        {
            // The composition refused the configuration (an engine setting from the environment).
            return await FailAsync(cli, e.Message, 1);
        }
        catch (Exception e) when (e is EngineUnavailableException or InvalidUploadException or RecognizerFailedException)
        {
            // Engines word these for people and never quote transcript text.
            return await FailAsync(cli, e.Message + EnvironmentHint(e.Message), 1);
        }
        finally
        {
            if (Directory.Exists(workArea)) Directory.Delete(workArea, recursive: true);
        }
    }

    /// <summary>Counts and timings only: the transcript is identifiable and the console is not private.</summary>
    internal static string Summary(Transcript transcript, double audioSeconds, double elapsedSeconds)
    {
        var words = transcript.Utterances.SelectMany(u => u.Words).ToList();
        var confidence = words.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $", mean word confidence {words.Average(w => w.Confidence):0.00}") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"transcribed {audioSeconds:0.0} s of audio with {transcript.Source} in {elapsedSeconds:0.0} s (real-time factor {elapsedSeconds / Math.Max(audioSeconds, 0.001):0.00}): " +
            $"{transcript.Utterances.Count} utterances, {words.Count} timed words{confidence}, {transcript.Speakers.Count} speaker(s)");
    }

    /// <summary>One term per line; surrounding space and blank lines are dropped.</summary>
    private static async Task<IReadOnlyList<string>> ReadVocabularyAsync(string path, CancellationToken cancellationToken) =>
        (await File.ReadAllLinesAsync(path, cancellationToken)).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>Messages name settings as the hosts spell them (Engines:Whisper:ModelPath); here they come from the environment.</summary>
    private static string EnvironmentHint(string message) =>
        message.Contains(WhisperOptions.ModelPathSetting, StringComparison.Ordinal)
            ? $" Here, set the environment variable {WhisperOptions.ModelPathSetting.Replace(":", "__", StringComparison.Ordinal)}."
            : "";

    private static async Task<int> FailAsync(CliContext cli, string message, int code)
    {
        await cli.Error.WriteLineAsync("error: " + message);
        return code;
    }
}
