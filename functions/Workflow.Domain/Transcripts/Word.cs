namespace Workflow.Domain.Transcripts;

/// <summary>A recognised word with its times (seconds from the start of the recording) and the engine's confidence (0-1).</summary>
public sealed record Word(string Text, double StartSeconds, double EndSeconds, double Confidence);
