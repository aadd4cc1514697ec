using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflow.Domain.Ports;
using Workflow.Engines.Local.Speech;

namespace Workflow.Engines.Local.Transcription;

/// <summary>
/// Decides whether a decoded recording is cut for parallel decoding and where: by default at the
/// silences the Silero voice-activity model finds near equal-share targets, into enough roughly equal
/// chunks that every recogniser stays busy to the end. Holds one detector (one ONNX session), loaded on first use and
/// shared by all recordings; thread-safe. Only counts and timings are logged.
/// </summary>
public sealed class RecordingSplitter(IOptions<PocketSphinxOptions> options, ILogger<RecordingSplitter> logger) : IDisposable
{
    // Chunks per recogniser slot. With one chunk per slot, chunks that decode at different speeds leave
    // a core idle for the slowest one's remainder (measured: a third of the run on 2 cores); with three,
    // the idle tail is at most about a third of one slot's share.
    internal const int ChunksPerWorker = 3;

    // A recogniser process spends about a second loading its models, and every cut loses the language
    // model's context across it: chunks shorter than this cost more than their parallelism gains.
    internal const double MinChunkSeconds = 30;

    // Each cut is looked for this far either side of its target (less for short chunks). Pauses of a
    // second come every few seconds in conversation, and only these windows go through the model: on a
    // long recording that is a small part of the audio.
    internal const double SearchSeconds = 15;

    // Each chunk after the first also decodes this much audio before its cut, words there dropped: the
    // recogniser's cepstral mean starts from a fixed guess in every process and adapts over the first
    // utterance, which cost 3.4 WER points over 5 cuts on the synthetic interview without a lead-in.
    internal const double LeadInSeconds = 5;

    private readonly PocketSphinxOptions _options = options.Value;
    private readonly Lock _gate = new();
    private SileroVoiceActivityDetector? _detector;

    private bool MayChunk => _options.MaxParallelism > 1;

    /// <summary>
    /// Fails with a message naming the setting and the install step when recordings could be chunked
    /// with <see cref="SpeechSegmentation.Silero"/> but the model is missing: a deployment without it is
    /// broken for long recordings, so short ones must not hide that.
    /// </summary>
    public void CheckAvailable()
    {
        if (!MayChunk || _options.Segmentation != SpeechSegmentation.Silero) return;
        var path = _options.ResolvedVadModelPath;
        if (!File.Exists(path))
            throw new EngineUnavailableException(
                $"The Silero VAD model is missing at '{path}' (Engines:PocketSphinx:Segmentation is 'silero'): {PocketSphinxOptions.VadInstallHint}, " +
                "set Engines:PocketSphinx:VadModelPath, or set Engines:PocketSphinx:Segmentation to 'energy' to cut at the quietest points instead.");
    }

    /// <summary>The chunks to decode, written beside the audio: the whole file when it is short or parallelism is off.</summary>
    internal IReadOnlyList<AudioChunk> Split(DecodedAudio audio, CancellationToken cancellationToken)
    {
        var cuts = Cuts(audio, cancellationToken);
        return cuts.Count == 2 ? [new AudioChunk(audio.Path, 0, audio.DurationSeconds)] : AudioChunker.Write(audio, cuts, LeadInSamples);
    }

    /// <summary>Each chunk after the first starts this many samples before its cut (only at Silero's cuts, which are in speech pauses).</summary>
    internal long LeadInSamples => _options.Segmentation == SpeechSegmentation.Silero ? Seconds(LeadInSeconds) : 0;

    /// <summary>Where the recording is cut (sample positions, first 0, last the end): no cut when it is short or parallelism is off.</summary>
    internal IReadOnlyList<long> Cuts(DecodedAudio audio, CancellationToken cancellationToken)
    {
        var totalSamples = audio.Layout.AvailableDataSize / 2;
        if (!MayChunk || audio.DurationSeconds < _options.ParallelThreshold.TotalSeconds)
            return [0, totalSamples];
        if (_options.Segmentation == SpeechSegmentation.Energy)
            return AudioChunker.EnergyCuts(audio, _options.ChunkLength.TotalSeconds);

        CheckAvailable();
        var clock = Stopwatch.StartNew();
        var count = ChunkCount(audio.DurationSeconds, _options.MaxParallelism, _options.ChunkLength.TotalSeconds);
        var share = totalSamples / count;
        var windows = SpeechChunkPlanner.SearchWindows(totalSamples, count, Math.Min(share / 4, Seconds(SearchSeconds)));
        var cuts = new long[windows.Count];
        var widened = 0;
        // The windows are independent, so they are examined at once; no recogniser runs yet to compete for the cores.
        Parallel.For(0, windows.Count, new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelism, CancellationToken = cancellationToken }, i =>
        {
            var window = windows[i];
            var cut = BestCut(audio.Path, window, cancellationToken);
            if (cut is null)
            {
                // No pause at all near the target: look across most of the neighbouring chunks before cutting speech.
                Interlocked.Increment(ref widened);
                var wide = new SearchWindow(Math.Max(0, window.Target - share / 2), Math.Min(totalSamples, window.Target + share / 2), window.Target);
                cut = BestCut(audio.Path, wide, cancellationToken);
            }
            cuts[i] = cut ?? window.Target;
        });
        var planned = SpeechChunkPlanner.Cuts(totalSamples, cuts, minChunkSamples: share / 2);
        logger.LogInformation(
            "Planned {Chunks} chunks at speech pauses in {Seconds:0.00} s ({Widened} searches widened) for {AudioSeconds:0.0} s of audio",
            planned.Count - 1, clock.Elapsed.TotalSeconds, widened, audio.DurationSeconds);
        return planned;
    }

    private long? BestCut(string path, SearchWindow window, CancellationToken cancellationToken) =>
        SpeechChunkPlanner.BestCut(Detector().Detect(path, window.From, window.To, cancellationToken), window);

    private static long Seconds(double seconds) => (long)(seconds * DecodedAudio.SampleRate);

    /// <summary>
    /// Enough chunks that none is longer than <paramref name="maxChunkSeconds"/> and, where the recording
    /// allows chunks of <see cref="MinChunkSeconds"/>, <see cref="ChunksPerWorker"/> per worker; always a
    /// multiple of the workers once there are that many, because equal chunks then end together (three
    /// on two workers leave one idle for a third of the run).
    /// </summary>
    internal static int ChunkCount(double totalSeconds, int workers, double maxChunkSeconds)
    {
        var byLength = (int)Math.Ceiling(totalSeconds / Math.Max(1, maxChunkSeconds));
        var forBalance = Math.Min(workers * ChunksPerWorker, (int)(totalSeconds / MinChunkSeconds));
        if (Math.Max(byLength, forBalance) < Math.Max(2, workers)) return Math.Max(1, Math.Max(byLength, forBalance));
        return byLength > forBalance
            ? (byLength + workers - 1) / workers * workers // longer chunks are not allowed: round up
            : forBalance / workers * workers;              // shorter ones cost more than they gain: round down
    }

    private SileroVoiceActivityDetector Detector()
    {
        lock (_gate) return _detector ??= new SileroVoiceActivityDetector(_options.ResolvedVadModelPath);
    }

    /// <summary>Releases the ONNX session.</summary>
    public void Dispose()
    {
        lock (_gate) _detector?.Dispose();
    }
}
