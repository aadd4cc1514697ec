namespace Workflow.Orchestrations.Contracts;

/// <summary>Counts and timing of a transcription (no text).</summary>
public sealed record TranscriptionSummary(string Engine, int Utterances, int Words, double AudioSeconds, double ProcessingSeconds, bool Reused)
{
    /// <summary>Processing time divided by audio time; below 1 is faster than real time.</summary>
    public double RealTimeFactor => AudioSeconds > 0 ? ProcessingSeconds / AudioSeconds : 0;
}
