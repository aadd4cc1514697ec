namespace Workflow.Engines.Local.Deidentification;

/// <summary>Settings for rule-based de-identification and for callers deciding what a coder must confirm.</summary>
public sealed class DeidentificationOptions
{
    /// <summary>Findings below this confidence are redacted but sent to a coder for confirmation.</summary>
    public double ConfirmBelow { get; set; } = 0.9;

    /// <summary>
    /// The year the interviews treat as "now" (e.g. 2006), if known. A bare year equal to it usually
    /// means the present rather than a dated life event, so it is still redacted but with low confidence.
    /// </summary>
    public int? ReferenceYear { get; set; }
}
