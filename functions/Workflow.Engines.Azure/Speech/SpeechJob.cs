namespace Workflow.Engines.Azure.Speech;

/// <summary>A batch transcription job as the service describes it (status NotStarted, Running, Succeeded or Failed).</summary>
internal sealed record SpeechJob(string Id, string Status, string? ErrorCode, string? ErrorMessage, TimeSpan? RetryAfter);

/// <summary>A file of a finished job: the transcription of one audio URL (kind Transcription) or the report.</summary>
internal sealed record SpeechJobFile(string Name, string Kind, Uri? ContentUrl);
