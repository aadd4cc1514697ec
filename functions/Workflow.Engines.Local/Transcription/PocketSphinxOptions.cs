namespace Workflow.Engines.Local.Transcription;

/// <summary>
/// Settings for the offline PocketSphinx engine. Model paths left null use the models of the
/// Debian package <c>pocketsphinx-en-us</c>.
/// </summary>
public sealed class PocketSphinxOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Engines:PocketSphinx";

    internal const string InstallHint = "install the Debian packages 'pocketsphinx' and 'pocketsphinx-en-us'";

    /// <summary>The <c>pocketsphinx_continuous</c> executable: a name looked up on PATH or a full path.</summary>
    public string ExecutablePath { get; set; } = "pocketsphinx_continuous";

    /// <summary>Acoustic model folder (<c>-hmm</c>); null for the installed default.</summary>
    public string? AcousticModelPath { get; set; }

    /// <summary>Language model file (<c>-lm</c>); null for the installed default.</summary>
    public string? LanguageModelPath { get; set; }

    /// <summary>Pronunciation dictionary (<c>-dict</c>); null for the installed default.</summary>
    public string? DictionaryPath { get; set; }

    /// <summary>Folder the default models are expected in, checked so a missing package gives a clear message.</summary>
    public string DefaultModelDirectory { get; set; } = "/usr/share/pocketsphinx/model/en-us/en-us";

    /// <summary>
    /// Teach the recogniser each study's listed names and codebook terms (pronunciations from espeak-ng,
    /// class words added to the language model). On by default; off uses the models unchanged.
    /// </summary>
    public bool StudyVocabulary { get; set; } = true;

    /// <summary>The <c>espeak-ng</c> executable used for the study vocabulary's pronunciations.</summary>
    public string EspeakPath { get; set; } = "espeak-ng";

    /// <summary>The language model the recogniser uses: <see cref="LanguageModelPath"/> or the installed default beside the acoustic model.</summary>
    public string EffectiveLanguageModelPath => LanguageModelPath ?? Path.Combine(DefaultModelRoot, "en-us.lm.bin");

    /// <summary>The dictionary the recogniser uses: <see cref="DictionaryPath"/> or the installed default beside the acoustic model.</summary>
    public string EffectiveDictionaryPath => DictionaryPath ?? Path.Combine(DefaultModelRoot, "cmudict-en-us.dict");

    // pocketsphinx-en-us installs en-us/ (acoustic model), en-us.lm.bin and cmudict-en-us.dict side by side.
    private string DefaultModelRoot => Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(DefaultModelDirectory)) ?? DefaultModelDirectory;

    /// <summary>Language of the configured models (ISO 639-1); requests for another language are refused.</summary>
    public string ModelLanguage { get; set; } = "en";

    /// <summary>Utterances longer than this are split at their largest pause.</summary>
    public double MaxUtteranceSeconds { get; set; } = 30;

    /// <summary>Fixed part of the time allowed for one recording.</summary>
    public TimeSpan TimeoutBase { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Seconds of processing allowed per second of audio, on top of <see cref="TimeoutBase"/>.</summary>
    public double TimeoutPerAudioSecond { get; set; } = 4;

    /// <summary>
    /// Recordings at least this long are cut into chunks at pauses and decoded in parallel. One minute
    /// gives two 30 s chunks: measured, the cut costs no accuracy and a recogniser start (under a
    /// second) is small against half a minute of decoding.
    /// </summary>
    public TimeSpan ParallelThreshold { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Longest chunk when decoding in parallel (shorter recordings get more, shorter chunks, so that every
    /// worker has several); with <see cref="SpeechSegmentation.Energy"/>, the length every chunk aims at.
    /// </summary>
    public TimeSpan ChunkLength { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Most recogniser processes run at once for one recording; 1 turns chunking off.</summary>
    public int MaxParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>Tell speakers apart from their voices (offline, after recognition); off gives every utterance "Speaker 1".</summary>
    public bool Diarization { get; set; } = true;

    /// <summary>Most speakers diarization considers when the upload does not say how many took part.</summary>
    public int MaxSpeakers { get; set; } = 8;

    /// <summary>
    /// How a long recording finds its cut points: <see cref="SpeechSegmentation.Silero"/> (a voice-activity
    /// model; needs <see cref="VadModelPath"/>) or <see cref="SpeechSegmentation.Energy"/> (the quietest
    /// 300 ms near each <see cref="ChunkLength"/>; no model, but a loud pause-free stretch can be cut mid-word).
    /// </summary>
    public SpeechSegmentation Segmentation { get; set; } = SpeechSegmentation.Silero;

    /// <summary>The Silero VAD v5 ONNX model; null for <c>models/silero_vad_v5.onnx</c> beside the application, where the build copies what <c>scripts/setup.sh</c> installed.</summary>
    public string? VadModelPath { get; set; }

    internal const string VadInstallHint = "run scripts/setup.sh (or: source scripts/common.sh; ensure_vad_model) and rebuild";

    internal string ResolvedVadModelPath => VadModelPath ?? Path.Combine(AppContext.BaseDirectory, "models", "silero_vad_v5.onnx");

    /// <summary>The time allowed for a recording of <paramref name="audioSeconds"/> seconds.</summary>
    public TimeSpan TimeoutFor(double audioSeconds) =>
        TimeoutBase + TimeSpan.FromSeconds(Math.Max(0, audioSeconds) * TimeoutPerAudioSecond);
}
