namespace Workflow.Engines.Local.Speech;

/// <summary>
/// How frame probabilities become speech regions. The defaults follow the Silero authors' published
/// defaults, except for longer silences and padding: regions here only decide where a recording may be
/// cut, so a short breath inside a sentence must not count as a pause, and a cut must leave the
/// recogniser some silence either side of the words.
/// </summary>
public sealed record VoiceActivitySettings
{
    /// <summary>A frame at or above this probability starts (or continues) speech.</summary>
    public float StartThreshold { get; init; } = 0.5f;

    /// <summary>Speech ends only after frames below this probability: the gap to <see cref="StartThreshold"/> is the hysteresis that stops flicker around one value.</summary>
    public float StopThreshold { get; init; } = 0.35f;

    /// <summary>Shorter bursts (a click, a cough) are not speech.</summary>
    public TimeSpan MinSpeech { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Shorter pauses do not end a region.</summary>
    public TimeSpan MinSilence { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Added before and after each region (less where two regions are closer than twice this) so word edges are kept.</summary>
    public TimeSpan Padding { get; init; } = TimeSpan.FromMilliseconds(100);

    internal long Samples(TimeSpan span) => (long)(span.TotalSeconds * SpeechRegion.SampleRate);
}
