namespace Workflow.Orchestrations;

/// <summary>Settings of the pipeline (configuration section <c>Pipeline</c>).</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Pipeline";

    /// <summary>Redactions with confidence below this are queued for a coder to confirm (they are redacted meanwhile).</summary>
    public double ConfirmRedactionsBelow { get; set; } = 0.9;

    /// <summary>How often a waiting verification re-checks the queue in case a decision signal was lost.</summary>
    public TimeSpan VerificationRecheck { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a claimed queue item stays reserved for its coder.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Recordings a batch re-runs at once (machine work only; waiting for coders takes no slot).</summary>
    public int ReprocessConcurrency { get; set; } = 4;

    /// <summary>
    /// How long after a deleted recording's first erasure the second runs: longer than any one activity
    /// runs, since an activity running when its orchestration was terminated still finishes and writes.
    /// </summary>
    public TimeSpan DeletionSweepDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Largest accepted upload, in bytes (default 500 MB: about 8 hours of 128 kbit/s audio).</summary>
    public long MaxUploadBytes { get; set; } = 500L * 1024 * 1024;

    /// <summary>
    /// How long a direct-upload URL may be used to write its file (default 2 hours: 500 MB at about
    /// 0.6 Mbit/s, a slow field connection). The upload must finish before it runs out; at most 7 days.
    /// </summary>
    public TimeSpan UploadSasLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Turns longer than this many words are split into sentence runs for coding.</summary>
    public int SegmentMaxWords { get; set; } = 150;

    /// <summary>Turns shorter than this many words are not coded.</summary>
    public int MinCodableWords { get; set; } = 6;

    /// <summary>Speaker labels whose turns are context, not data (interviewer, facilitator).</summary>
    public string[] NonCodableSpeakers { get; set; } = ["Interviewer", "Facilitator", "Moderator", "I"];

    /// <summary>
    /// Seconds added before and after each toned span of the de-identified audio: recognisers' word
    /// times are approximate, and a tone that starts late lets the first sound of a name through.
    /// </summary>
    public double AudioRedactionPaddingSeconds { get; set; } = 0.15;

    /// <summary>Where engines may put temporary copies of audio; files are deleted when a stage ends.</summary>
    public string WorkDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "qualitative-workflow");
}
