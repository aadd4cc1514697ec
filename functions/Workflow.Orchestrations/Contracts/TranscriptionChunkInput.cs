namespace Workflow.Orchestrations.Contracts;

/// <summary>Input of one chunk's transcription activity (ids and a number only). A persisted wire contract.</summary>
public sealed record TranscriptionChunkInput(RecordingPipelineInput Recording, int Chunk);
