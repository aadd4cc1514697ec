using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Whisper.net;
using Whisper.net.Wave;
using Workflow.Domain.Ports;
using Workflow.Domain.Transcripts;
using Workflow.Engines.Local.Transcription;

namespace Workflow.Engines.Whisper;

/// <summary>
/// Offline transcription with Whisper (whisper.cpp through Whisper.net), from a ggml model file the
/// user supplies (<see cref="WhisperOptions.ModelPath"/>): no model ships with the product. Audio is
/// decoded by ffmpeg to 16 kHz mono WAV in the private work area, as for PocketSphinx, and deleted as
/// soon as recognition ends. The model is loaded once and shared; each recording gets its own
/// processor. Only counts and timings are logged; transcript text and the vocabulary never are.
/// </summary>
public sealed class WhisperTranscriptionEngine(
    IOptions<WhisperOptions> options,
    FfmpegAudioDecoder decoder,
    ILogger<WhisperTranscriptionEngine> logger) : ITranscriptionEngine, IDisposable
{
    private readonly WhisperOptions _options = options.Value;
    private readonly Lock _loading = new();
    private LoadedModel? _model;

    /// <inheritdoc />
    public string Name => "whisper";

    /// <summary>
    /// The engine's build and, once a model has been used, the model file's name and the start of its
    /// SHA-256: the model is the user's, so the commit alone does not say what made the transcript.
    /// </summary>
    public string Version => _model is { } m ? $"{EngineVersion.Of(GetType())} model {m.FileName} sha256:{m.Digest}" : EngineVersion.Of(GetType());

    /// <inheritdoc />
    public async Task<Transcript> TranscribeAsync(IAudioSource source, TranscriptionRequest request, CancellationToken cancellationToken)
    {
        // The model is checked before the audio is touched, so a missing model costs no decoding.
        var model = Model();
        var language = WhisperLanguage.Choose(_options.Language, request.Language, WhisperFactory.GetSupportedLanguages());
        var clock = Stopwatch.StartNew();

        DecodedAudio audio;
        // The upload's copy is deleted as soon as it is decoded; only the private PCM copy remains.
        await using (var upload = await source.GetLocalCopyAsync(cancellationToken).ConfigureAwait(false))
            audio = await decoder.DecodeAsync(upload.Path, cancellationToken).ConfigureAwait(false);
        using var decoded = audio;

        var segments = new List<SegmentData>();
        await using (var processor = Processor(model.Factory, language, request))
        await using (var wav = File.OpenRead(audio.Path))
        {
            try
            {
                await foreach (var segment in processor.ProcessAsync(wav, cancellationToken).ConfigureAwait(false))
                    segments.Add(segment);
            }
            catch (Exception e) when (e is WhisperProcessingException or CorruptedWaveException or NotSupportedWaveException)
            {
                // The exception's own message is safe (an error code or a wave-format complaint), never transcript text.
                throw new RecognizerFailedException($"Whisper failed on this recording ({e.GetType().Name}: {e.Message}).", null, e);
            }
        }

        var utterances = WhisperSegmentMapper.Map(segments, audio.DurationSeconds);
        logger.LogInformation(
            "Transcribed recording {RecordingId} with Whisper ({Model}, language {Language}): {AudioSeconds:0.0} s of audio, {Utterances} utterances, {Words} words, real-time factor {Rtf:0.00}",
            source.RecordingId, model.FileName, language, audio.DurationSeconds, utterances.Count, utterances.Sum(u => u.Words.Count),
            clock.Elapsed.TotalSeconds / Math.Max(audio.DurationSeconds, 0.001));
        return new Transcript(source.RecordingId, Name, utterances);
    }

    private WhisperProcessor Processor(WhisperFactory factory, string language, TranscriptionRequest request)
    {
        var builder = factory.CreateBuilder()
            .WithThreads(_options.EffectiveThreads)
            .WithTokenTimestamps()
            .WithProbabilities();
        builder = language == WhisperLanguage.Detect ? builder.WithLanguageDetection() : builder.WithLanguage(language);
        if (_options.Translate) builder = builder.WithTranslate();
        if (_options.UseVocabularyPrompt && VocabularyPrompt.Build(request.Terms, _options.MaxPromptCharacters) is { } prompt)
            builder = builder.WithPrompt(prompt);
        return builder.Build();
    }

    /// <summary>
    /// The checked model, loaded on first use. A failed check or load is not remembered, so putting the
    /// file in place takes effect on the next recording without a restart.
    /// </summary>
    private LoadedModel Model()
    {
        var path = GgmlModelFile.Check(_options.ModelPath);
        lock (_loading)
        {
            // Options are read once per process, so the first good model is the model.
            if (_model is { } loaded) return loaded;
            WhisperFactory? factory = null;
            try
            {
                factory = WhisperFactory.FromPath(path);
                // Whisper.net reads the model only when a processor is first built: build one now so a bad
                // model fails here, before any audio is decoded, and is never cached.
                using (factory.CreateBuilder().Build()) { }
            }
            catch (Exception e) when (e is DllNotFoundException or BadImageFormatException or TypeInitializationException or EntryPointNotFoundException)
            {
                factory?.Dispose();
                throw new EngineUnavailableException("Whisper's native library could not be loaded: install the Debian package 'libgomp1' (and use a Linux x64, Windows or macOS host).", e);
            }
            catch (WhisperModelLoadException e)
            {
                factory?.Dispose();
                throw new EngineUnavailableException($"Whisper could not load the model '{path}': fix {WhisperOptions.ModelPathSetting}. {WhisperOptions.ModelHint}.", e);
            }
            _model = new LoadedModel(path, Path.GetFileName(path), Digest(path), factory!);
            return _model;
        }
    }

    private static string Digest(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream))[..12];
    }

    /// <summary>Frees the model's memory.</summary>
    public void Dispose()
    {
        lock (_loading)
        {
            _model?.Factory.Dispose();
            _model = null;
        }
    }

    private sealed record LoadedModel(string Path, string FileName, string Digest, WhisperFactory Factory);
}
