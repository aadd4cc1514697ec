namespace Workflow.Engines.Local.Transcription;

/// <summary>How a child process ended: its exit code, all of stdout, and the last lines of stderr.</summary>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, IReadOnlyList<string> StandardErrorTail)
{
    /// <summary>The last non-blank stderr line that <paramref name="isSafe"/> accepts, or null.</summary>
    public string? LastErrorLine(Func<string, bool> isSafe) =>
        StandardErrorTail.LastOrDefault(line => !string.IsNullOrWhiteSpace(line) && isSafe(line))?.Trim();
}
