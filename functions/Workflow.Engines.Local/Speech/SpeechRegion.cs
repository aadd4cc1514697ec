namespace Workflow.Engines.Local.Speech;

/// <summary>A stretch of speech, in samples of 16 kHz audio: <see cref="Start"/> inclusive, <see cref="End"/> exclusive.</summary>
public readonly record struct SpeechRegion(long Start, long End)
{
    /// <summary>Samples per second of the audio the regions refer to.</summary>
    public const int SampleRate = 16000;

    /// <summary>Start in seconds.</summary>
    public double StartSeconds => (double)Start / SampleRate;

    /// <summary>End in seconds.</summary>
    public double EndSeconds => (double)End / SampleRate;

    /// <summary>Length in samples.</summary>
    public long Length => End - Start;
}
