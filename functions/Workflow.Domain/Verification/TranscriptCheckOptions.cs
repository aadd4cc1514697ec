namespace Workflow.Domain.Verification;

/// <summary>
/// How low-confidence passages are chosen for a transcript check (configuration section
/// <c>Verification</c>). The bounds keep a recording the recogniser mostly failed on from flooding the
/// queue: such a recording needs transcribing again, not thousands of checks.
/// </summary>
public sealed record TranscriptCheckOptions
{
    public const string SectionName = "Verification";

    /// <summary>Words with a confidence below this are doubtful (0 turns transcript checks off).</summary>
    public double TranscriptCheckBelow { get; init; } = 0.5;

    /// <summary>Two doubtful runs separated by at most this many confident words become one passage.</summary>
    public int JoinAcrossWords { get; init; } = 2;

    /// <summary>Confident words added on each side of a passage, so the coder hears where it starts and ends.</summary>
    public int ContextWords { get; init; } = 1;

    /// <summary>Longest passage in words (context included); a longer doubtful stretch is cut into several.</summary>
    public int MaxPassageWords { get; init; } = 40;

    /// <summary>
    /// Passages queued per minute of the recording's speech (the most doubtful first), and never fewer
    /// than <see cref="MinPassagesPerRecording"/>; the rest are not queued.
    /// </summary>
    public double MaxPassagesPerMinute { get; init; } = 2;

    /// <summary>The per-recording bound for short recordings.</summary>
    public int MinPassagesPerRecording { get; init; } = 5;
}
