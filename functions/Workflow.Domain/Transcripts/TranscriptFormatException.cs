namespace Workflow.Domain.Transcripts;

/// <summary>
/// An upload could not be read as a transcript. The message is shown to the user, so it describes
/// the problem (line numbers, missing structure) without quoting the content.
/// </summary>
public sealed class TranscriptFormatException(string message) : Exception(message);
