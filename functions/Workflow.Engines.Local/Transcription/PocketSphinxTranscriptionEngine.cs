using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflow.Domain.Ports;
using Workflow.Domain.Transcripts;
using Workflow.Engines.Local.Diarization;
using Workflow.Engines.Local.Transcription.Vocabulary;

namespace Workflow.Engines.Local.Transcription;

/// <summary>
/// Offline transcription with the Debian PocketSphinx 0.8 command-line recogniser. Each run is a
/// child process: sphinxbase calls exit() on fatal errors and a native crash must not take the host
/// down. Long recordings are cut at pauses and decoded by several processes at once. Only counts and
/// timings are logged; transcript text never is.
/// </summary>
public sealed class PocketSphinxTranscriptionEngine(
    IOptions<PocketSphinxOptions> options,
    FfmpegAudioDecoder decoder,
    RecordingSplitter splitter,
    ILogger<PocketSphinxTranscriptionEngine> logger) : ITranscriptionEngine
{
    private readonly PocketSphinxOptions _options = options.Value;

    /// <inheritdoc />
    public string Name => "pocketsphinx-0.8";

    /// <inheritdoc />
    public async Task<Transcript> TranscribeAsync(IAudioSource source, TranscriptionRequest request, CancellationToken cancellationToken)
    {
        CheckLanguage(request.Language);
        CheckModels();
        splitter.CheckAvailable();
        var clock = Stopwatch.StartNew();
        var recordingId = source.RecordingId;

        DecodedAudio audio;
        // The upload's copy is deleted as soon as it is decoded; only the private PCM copy remains.
        await using (var upload = await source.GetLocalCopyAsync(cancellationToken).ConfigureAwait(false))
            audio = await decoder.DecodeAsync(upload.Path, cancellationToken).ConfigureAwait(false);
        using var decoded = audio;
        var study = await StudyModelsAsync(request, audio, cancellationToken).ConfigureAwait(false);
        var chunks = splitter.Split(audio, cancellationToken);
        var results = new IReadOnlyList<IReadOnlyList<Word>>[chunks.Count];
        // One failed chunk fails the recording: stop the sibling processes instead of letting them run on.
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(Math.Max(1, _options.MaxParallelism));
        var runs = chunks.Select(async (chunk, i) =>
        {
            await slots.WaitAsync(failFast.Token).ConfigureAwait(false);
            try
            {
                results[i] = await RecogniseAsync(chunk, study, failFast.Token).ConfigureAwait(false);
            }
            catch
            {
                await failFast.CancelAsync().ConfigureAwait(false);
                throw;
            }
            finally
            {
                slots.Release();
            }
        }).ToList();
        try
        {
            await Task.WhenAll(runs).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A sibling's cancellation surfaced first; report the failure that caused it.
            var cause = runs.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).FirstOrDefault(e => e is not OperationCanceledException);
            if (cause is not null) ExceptionDispatchInfo.Throw(cause);
            throw;
        }

        var utterances = UtteranceBuilder.Build(results.SelectMany(r => r), _options.MaxUtteranceSeconds);
        if (_options.Diarization)
            utterances = TranscriptDiarization.Apply(audio.Path, utterances, request.ExpectedSpeakers, _options.MaxSpeakers, logger, recordingId, cancellationToken);
        logger.LogInformation(
            "Transcribed recording {RecordingId}: {AudioSeconds:0.0} s of audio in {Chunks} chunk(s), {Utterances} utterances, {Words} words, real-time factor {Rtf:0.00}",
            recordingId, audio.DurationSeconds, chunks.Count, utterances.Count, utterances.Sum(u => u.Words.Count),
            clock.Elapsed.TotalSeconds / audio.DurationSeconds);
        return new Transcript(recordingId, Name, utterances);
    }

    /// <summary>
    /// The study's extended dictionary and LM control file, written beside the decoded audio so that they
    /// are deleted with it (they hold identifiable names); null when the setting is off or nothing is new.
    /// </summary>
    private async Task<StudyModelFiles?> StudyModelsAsync(TranscriptionRequest request, DecodedAudio audio, CancellationToken cancellationToken)
    {
        if (!_options.StudyVocabulary || request.Terms.Count == 0) return null;
        var clock = Stopwatch.StartNew();
        var builder = new StudyModelBuilder(
            new EspeakPronouncer(_options.EspeakPath, _options.TimeoutBase), _options.EffectiveDictionaryPath, _options.EffectiveLanguageModelPath);
        var files = await builder.BuildAsync(request.Terms, audio.Directory, cancellationToken).ConfigureAwait(false);
        logger.LogInformation(
            "Study vocabulary: {Terms} term(s), {Dictionary} word(s) added to the dictionary, {LanguageModel} to the language model, in {Seconds:0.00} s",
            request.Terms.Count, files?.AddedToDictionary ?? 0, files?.AddedToLanguageModel ?? 0, clock.Elapsed.TotalSeconds);
        return files;
    }

    private async Task<IReadOnlyList<IReadOnlyList<Word>>> RecogniseAsync(AudioChunk chunk, StudyModelFiles? study, CancellationToken cancellationToken)
    {
        ProcessResult result;
        try
        {
            result = await ProcessRunner.RunAsync(
                _options.ExecutablePath, Arguments(chunk.Path, study), PocketSphinxOptions.InstallHint,
                _options.TimeoutFor(chunk.DurationSeconds), cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new RecognizerFailedException($"PocketSphinx timed out: {ex.Message}", null, ex);
        }

        if (result.ExitCode != 0)
        {
            // Only sphinxbase's own ERROR/FATAL lines are quoted: stdout (the transcript) never is.
            var error = result.LastErrorLine(IsDiagnostic);
            if (error is not null && IsMissingModel(error))
                throw new EngineUnavailableException($"PocketSphinx could not load its models ({error}): {PocketSphinxOptions.InstallHint}, or fix the Engines:PocketSphinx model paths.");
            var signal = result.ExitCode > 128 ? $" (killed by signal {result.ExitCode - 128})" : "";
            throw new RecognizerFailedException(
                $"PocketSphinx failed with exit code {result.ExitCode}{signal}: {error ?? "no error message"}.", result.ExitCode);
        }
        var utterances = PocketSphinxOutputParser.Parse(result.StandardOutput, chunk.OffsetSeconds);
        if (chunk.LeadInSeconds <= 0) return utterances;
        // Words heard in the lead-in were decoded by the previous chunk, which ends at the same pause.
        return utterances.Select(u => (IReadOnlyList<Word>)u.Where(w => w.StartSeconds >= chunk.OwnStartSeconds).ToList()).Where(u => u.Count > 0).ToList();
    }

    private List<string> Arguments(string wavPath, StudyModelFiles? study)
    {
        var arguments = new List<string> { "-infile", wavPath, "-time", "yes" };
        if (_options.AcousticModelPath is { } hmm) arguments.AddRange(["-hmm", hmm]);
        if (study is not null)
        {
            // The control file loads the configured (or default) model and adds the study's words to it.
            arguments.AddRange(study.Arguments());
            return arguments;
        }
        if (_options.LanguageModelPath is { } lm) arguments.AddRange(["-lm", lm]);
        if (_options.DictionaryPath is { } dict) arguments.AddRange(["-dict", dict]);
        return arguments;
    }

    private void CheckLanguage(string? language)
    {
        if (string.IsNullOrWhiteSpace(language)) return;
        var primary = language.Split('-', '_')[0];
        if (!primary.Equals(_options.ModelLanguage, StringComparison.OrdinalIgnoreCase))
            throw new EngineUnavailableException(
                $"The PocketSphinx engine has models for '{_options.ModelLanguage}' only; '{language}' was requested. Configure models for that language or choose another transcription engine.");
    }

    private void CheckModels()
    {
        var hmm = _options.AcousticModelPath ?? _options.DefaultModelDirectory;
        if (!string.IsNullOrEmpty(hmm) && !File.Exists(Path.Combine(hmm, "mdef")))
            throw new EngineUnavailableException(
                $"PocketSphinx acoustic model not found in '{hmm}': {PocketSphinxOptions.InstallHint}, or set Engines:PocketSphinx:AcousticModelPath.");
        foreach (var (file, setting) in new[] { (_options.LanguageModelPath, "LanguageModelPath"), (_options.DictionaryPath, "DictionaryPath") })
        {
            if (file is not null && !File.Exists(file))
                throw new EngineUnavailableException($"PocketSphinx {setting} '{file}' does not exist: fix Engines:PocketSphinx:{setting}.");
        }
    }

    private static bool IsDiagnostic(string line) =>
        line.StartsWith("ERROR:", StringComparison.Ordinal) || line.StartsWith("FATAL", StringComparison.Ordinal);

    private static bool IsMissingModel(string error) =>
        error.Contains("acmod.c", StringComparison.Ordinal) || error.Contains("dict.c", StringComparison.Ordinal)
        || error.Contains("ngram", StringComparison.Ordinal) || error.Contains("mdef", StringComparison.Ordinal);
}
