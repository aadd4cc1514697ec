namespace Workflow.Engines.Local.Transcription;

/// <summary>
/// The recogniser process failed (non-zero exit, crash, timeout) on audio that decoded fine. The
/// message carries the exit code and the recogniser's own error line, never transcript text, so it
/// is safe to log and to show.
/// </summary>
public sealed class RecognizerFailedException(string message, int? exitCode = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The process's exit code, when it exited at all.</summary>
    public int? ExitCode { get; } = exitCode;
}
