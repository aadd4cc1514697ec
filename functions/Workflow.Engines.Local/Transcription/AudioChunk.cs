namespace Workflow.Engines.Local.Transcription;

/// <summary>
/// A slice of decoded audio written to its own WAV file, starting <paramref name="OffsetSeconds"/> into the
/// recording. The first <paramref name="LeadInSeconds"/> repeat the end of the previous chunk so the
/// recogniser has adapted to the voice when the chunk's own audio begins; words starting there belong
/// to the previous chunk and are dropped.
/// </summary>
internal sealed record AudioChunk(string Path, double OffsetSeconds, double DurationSeconds, double LeadInSeconds = 0)
{
    /// <summary>Where this chunk's own words begin, in seconds into the recording.</summary>
    public double OwnStartSeconds => OffsetSeconds + LeadInSeconds;
}
