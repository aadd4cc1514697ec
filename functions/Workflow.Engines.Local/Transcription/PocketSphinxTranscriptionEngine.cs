using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflow.Domain.Ports;
using Workflow.Domain.Recordings;
using Workflow.Domain.Transcripts;
using Workflow.Engines.Local.Diarization;
using Workflow.Engines.Local.Transcription.Vocabulary;

namespace Workflow.Engines.Local.Transcription;

/// <summary>
/// Offline transcription with the Debian PocketSphinx 0.8 command-line recogniser. Each run is a
/// child process: sphinxbase calls exit() on fatal errors and a native crash must not take the host
/// down. Long recordings are cut at pauses into chunks; the hosts run each chunk as its own activity
/// (<see cref="IChunkedTranscriptionEngine"/>), one process runs them side by side here in
/// <see cref="TranscribeAsync"/>. Only counts and timings are logged; transcript text never is.
/// </summary>
public sealed class PocketSphinxTranscriptionEngine(
    IOptions<PocketSphinxOptions> options,
    FfmpegAudioDecoder decoder,
    RecordingSplitter splitter,
    IWorkArea workArea,
    ILogger<PocketSphinxTranscriptionEngine> logger) : IChunkedTranscriptionEngine
{
    private readonly PocketSphinxOptions _options = options.Value;

    /// <inheritdoc />
    public string Name => "pocketsphinx-0.8";

    /// <summary>Transcribes in this process: the same pieces as the hosts' activities, chunks decoded by several recognisers at once.</summary>
    public async Task<Transcript> TranscribeAsync(IAudioSource source, TranscriptionRequest request, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var folder = workArea.CreateFolder("asr-run");
        var scratch = new FolderTranscriptionScratch(folder.Path);
        var chunks = await PrepareAsync(source, request, scratch, cancellationToken).ConfigureAwait(false);
        var plan = await LoadPlanAsync(scratch, cancellationToken).ConfigureAwait(false);
        // One vocabulary build for every chunk of this run (the activities each build their own).
        using var modelFolder = workArea.CreateFolder("asr-vocabulary");
        var study = await StudyModelsAsync(request, modelFolder.Path, cancellationToken).ConfigureAwait(false);

        // One failed chunk fails the recording: stop the sibling processes instead of letting them run on.
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(Math.Max(1, _options.MaxParallelism));
        var runs = Enumerable.Range(0, chunks).Select(async i =>
        {
            await slots.WaitAsync(failFast.Token).ConfigureAwait(false);
            try
            {
                await TranscribeChunkAsync(i, plan, () => Task.FromResult<(IWorkFolder?, StudyModelFiles?)>((null, study)), scratch, failFast.Token).ConfigureAwait(false);
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

        var transcript = await AssembleAsync(source.RecordingId, request, scratch, cancellationToken).ConfigureAwait(false);
        logger.LogInformation(
            "Transcribed recording {RecordingId}: {AudioSeconds:0.0} s of audio in {Chunks} chunk(s), {Utterances} utterances, {Words} words, real-time factor {Rtf:0.00}",
            source.RecordingId, plan.DurationSeconds, chunks, transcript.Utterances.Count, transcript.Utterances.Sum(u => u.Words.Count),
            clock.Elapsed.TotalSeconds / Math.Max(plan.DurationSeconds, 0.001));
        return transcript;
    }

    /// <inheritdoc />
    public async Task<int> PrepareAsync(IAudioSource source, TranscriptionRequest request, ITranscriptionScratch scratch, CancellationToken cancellationToken)
    {
        CheckLanguage(request.Language);
        CheckModels();
        splitter.CheckAvailable();
        // Prepared before a crash: the audio is not decoded again.
        if (await scratch.LoadTextAsync(ChunkPlan.PlanName, cancellationToken).ConfigureAwait(false) is { } done)
            return ChunkPlan.FromJson(done).Chunks.Count;

        var clock = Stopwatch.StartNew();
        DecodedAudio audio;
        // The upload's copy is deleted as soon as it is decoded; only the private PCM copy remains.
        await using (var upload = await source.GetLocalCopyAsync(cancellationToken).ConfigureAwait(false))
            audio = await decoder.DecodeAsync(upload.Path, cancellationToken).ConfigureAwait(false);
        using var decoded = audio;
        var plan = ChunkPlan.From(audio.Layout.DataOffset, splitter.Cuts(audio, cancellationToken), splitter.LeadInSamples);
        await scratch.SaveFileAsync(ChunkPlan.AudioName, audio.Path, cancellationToken).ConfigureAwait(false);
        await scratch.SaveTextAsync(ChunkPlan.PlanName, plan.ToJson(), cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Prepared recording {RecordingId}: {AudioSeconds:0.0} s of audio in {Chunks} chunk(s), {Seconds:0.00} s",
            source.RecordingId, plan.DurationSeconds, plan.Chunks.Count, clock.Elapsed.TotalSeconds);
        return plan.Chunks.Count;
    }

    /// <inheritdoc />
    public async Task<StageProgress> TranscribeChunkAsync(int chunk, TranscriptionRequest request, ITranscriptionScratch scratch, CancellationToken cancellationToken)
    {
        var plan = await LoadPlanAsync(scratch, cancellationToken).ConfigureAwait(false);
        await TranscribeChunkAsync(chunk, plan, () => StudyModelsInOwnFolderAsync(request, cancellationToken), scratch, cancellationToken).ConfigureAwait(false);
        return new StageProgress(await scratch.CountAsync(ChunkPlan.ResultPrefix, cancellationToken).ConfigureAwait(false), plan.Chunks.Count);
    }

    /// <summary>The study's vocabulary files in a folder of their own, deleted with the returned lease.</summary>
    private async Task<(IWorkFolder? Folder, StudyModelFiles? Files)> StudyModelsInOwnFolderAsync(TranscriptionRequest request, CancellationToken cancellationToken)
    {
        var folder = workArea.CreateFolder("asr-vocabulary");
        try
        {
            return (folder, await StudyModelsAsync(request, folder.Path, cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Recognises one chunk of <paramref name="plan"/> unless its result is already stored (recognised
    /// before a crash: not decoded twice). <paramref name="models"/> gives the vocabulary files only when
    /// the chunk is really decoded.
    /// </summary>
    private async Task TranscribeChunkAsync(int chunk, ChunkPlan plan, Func<Task<(IWorkFolder? Folder, StudyModelFiles? Files)>> models,
        ITranscriptionScratch scratch, CancellationToken cancellationToken)
    {
        var name = ChunkPlan.ResultName(chunk);
        if (await scratch.LoadTextAsync(name, cancellationToken).ConfigureAwait(false) is not null) return;
        if (chunk < 0 || chunk >= plan.Chunks.Count)
            throw new ArgumentOutOfRangeException(nameof(chunk), $"The recording was prepared in {plan.Chunks.Count} chunk(s); there is no chunk {chunk}.");
        var span = plan.Chunks[chunk];

        using var folder = workArea.CreateFolder("asr");
        var path = Path.Combine(folder.Path, "chunk.wav");
        if (plan.Chunks.Count == 1)
        {
            // An uncut recording is decoded from the decoder's file as it is, as before chunking existed:
            // PocketSphinx skips a fixed 44-byte header, so even a header rewrite changes what it hears.
            await scratch.LoadFileAsync(ChunkPlan.AudioName, path, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            await file.WriteAsync(AudioChunker.WavHeader((uint)span.ByteLength), cancellationToken).ConfigureAwait(false);
            await scratch.ReadRangeAsync(ChunkPlan.AudioName, plan.DataOffset + span.FromSample * 2, span.ByteLength, file, cancellationToken).ConfigureAwait(false);
        }
        var (modelFolder, study) = await models().ConfigureAwait(false);
        IReadOnlyList<IReadOnlyList<Word>> words;
        using (modelFolder)
            words = await RecogniseAsync(span.At(path), study, cancellationToken).ConfigureAwait(false);
        await scratch.SaveTextAsync(name, JsonSerializer.Serialize(words), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<Transcript> AssembleAsync(string recordingId, TranscriptionRequest request, ITranscriptionScratch scratch, CancellationToken cancellationToken)
    {
        var plan = await LoadPlanAsync(scratch, cancellationToken).ConfigureAwait(false);
        var segments = new List<IReadOnlyList<Word>>();
        for (var i = 0; i < plan.Chunks.Count; i++)
        {
            var json = await scratch.LoadTextAsync(ChunkPlan.ResultName(i), cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Chunk {i + 1} of {plan.Chunks.Count} has no recognised words: it was never transcribed.");
            segments.AddRange(JsonSerializer.Deserialize<List<List<Word>>>(json) ?? throw new InvalidDataException($"The result of chunk {i + 1} is empty."));
        }

        var utterances = UtteranceBuilder.Build(segments, _options.MaxUtteranceSeconds);
        if (_options.Diarization && request.ExpectedSpeakers is not 1 && utterances.Count > 0)
        {
            // Diarization reads the whole recording's audio; it streams through it, window by window.
            using var folder = workArea.CreateFolder("asr");
            var wav = Path.Combine(folder.Path, ChunkPlan.AudioName);
            await scratch.LoadFileAsync(ChunkPlan.AudioName, wav, cancellationToken).ConfigureAwait(false);
            utterances = TranscriptDiarization.Apply(wav, utterances, request.ExpectedSpeakers, _options.MaxSpeakers, logger, recordingId, cancellationToken);
        }
        return new Transcript(recordingId, Name, utterances);
    }

    private static async Task<ChunkPlan> LoadPlanAsync(ITranscriptionScratch scratch, CancellationToken cancellationToken) =>
        ChunkPlan.FromJson(await scratch.LoadTextAsync(ChunkPlan.PlanName, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The recording has not been prepared for transcription: there is no chunk plan."));

    /// <summary>
    /// The study's extended dictionary and LM control file, written into <paramref name="folder"/> so that
    /// they are deleted with it (they hold identifiable names); null when the setting is off or nothing is new.
    /// </summary>
    private async Task<StudyModelFiles?> StudyModelsAsync(TranscriptionRequest request, string folder, CancellationToken cancellationToken)
    {
        if (!_options.StudyVocabulary || request.Terms.Count == 0) return null;
        var clock = Stopwatch.StartNew();
        var builder = new StudyModelBuilder(
            new EspeakPronouncer(_options.EspeakPath, _options.TimeoutBase), _options.EffectiveDictionaryPath, _options.EffectiveLanguageModelPath);
        var files = await builder.BuildAsync(request.Terms, folder, cancellationToken).ConfigureAwait(false);
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
