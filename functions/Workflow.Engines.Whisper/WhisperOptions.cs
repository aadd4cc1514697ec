namespace Workflow.Engines.Whisper;

/// <summary>
/// Settings for the offline Whisper engine (<c>Engines:Whisper</c>). No model ships with the product:
/// <see cref="ModelPath"/> must name a ggml Whisper model file that the user supplies.
/// </summary>
public sealed class WhisperOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Engines:Whisper";

    /// <summary>The setting users must fill in; named in every message about a missing or wrong model.</summary>
    public const string ModelPathSetting = SectionName + ":ModelPath";

    internal const string ModelHint =
        "No Whisper model ships with this product: download a ggml Whisper model file such as ggml-base.en.bin " +
        "(the whisper.cpp project publishes them) and set " + ModelPathSetting + " to its full path";

    /// <summary>Full path of a ggml Whisper model file (e.g. ggml-base.en.bin). Required.</summary>
    public string? ModelPath { get; set; }

    /// <summary>
    /// Language to recognise (ISO 639-1, e.g. <c>en</c>), or <c>auto</c> to let Whisper detect it. Null
    /// follows each recording's language (<c>en-GB</c> becomes <c>en</c>), and detection when it has none.
    /// </summary>
    public string? Language { get; set; }

    /// <summary>CPU threads for one recording; 0 uses every core.</summary>
    public int Threads { get; set; }

    /// <summary>Translate into English instead of transcribing in the spoken language. Off: research transcripts are verbatim.</summary>
    public bool Translate { get; set; }

    /// <summary>
    /// Give Whisper the study's vocabulary (listed names and codebook terms) as its initial prompt, so
    /// names are spelt as listed: a misspelt name is one the study-list detector can miss.
    /// </summary>
    public bool UseVocabularyPrompt { get; set; } = true;

    /// <summary>Longest prompt built from the vocabulary, in characters (Whisper reads at most about 224 tokens of it).</summary>
    public int MaxPromptCharacters { get; set; } = 600;

    /// <summary>The thread count to use: <see cref="Threads"/>, or every core when it is 0 or less.</summary>
    internal int EffectiveThreads => Threads > 0 ? Threads : Environment.ProcessorCount;
}
