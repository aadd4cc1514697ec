namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// Settings for rule-based de-identification (configuration section <c>Engines:Rules</c>). Which
/// findings a coder must confirm is the pipeline's decision (<c>Pipeline:ConfirmRedactionsBelow</c>).
/// </summary>
public sealed class DeidentificationOptions
{
    /// <summary>
    /// The year the interviews treat as "now" (e.g. 2006), if known. A bare year equal to it usually
    /// means the present rather than a dated life event, so it is still redacted but with low confidence.
    /// </summary>
    public int? ReferenceYear { get; set; }
}
