namespace Workflow.Engines.Local.Transcription;

/// <summary>A slice of decoded audio written to its own WAV file, starting <paramref name="OffsetSeconds"/> into the recording.</summary>
internal sealed record AudioChunk(string Path, double OffsetSeconds, double DurationSeconds);
