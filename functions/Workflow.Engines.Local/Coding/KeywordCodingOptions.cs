namespace Workflow.Engines.Local.Coding;

/// <summary>
/// Settings of the keyword coding engine (configuration section <see cref="Section"/>). The defaults
/// were measured on the development interviews; see KeywordCodingEvalTests for the figures.
/// </summary>
public sealed class KeywordCodingOptions
{
    /// <summary>Configuration section these options bind to.</summary>
    public const string Section = "Coding:Keywords";

    /// <summary>Suggestions below this confidence are dropped. In [0, 1).</summary>
    public double MinConfidence { get; set; } = 0.5;

    /// <summary>Most codes proposed per segment; the study codebook applies 0-3 per turn.</summary>
    public int MaxCodesPerSegment { get; set; } = 3;

    /// <summary>
    /// A second or third code is proposed only when its evidence is at least this share of the best
    /// code's in the same segment, so one stray word does not ride along with a well-supported code.
    /// </summary>
    public double MinShareOfTopScore { get; set; } = 0.34;

    /// <summary>
    /// Keyword weight at which confidence reaches 1 - 1/e (about 0.63). One single-word keyword
    /// weighs 1 and a phrase more, so this sets how much evidence a suggestion needs.
    /// </summary>
    public double Saturation { get; set; } = 1.0;

    /// <summary>Also count the salient words of each code's name (e.g. "stigma", "prejudice"), at half weight.</summary>
    public bool UseNameWords { get; set; } = true;

    /// <summary>Also count phrases quoted in a code's inclusion criteria (e.g. 'it's our treatment') as keywords.</summary>
    public bool UseQuotedCriteria { get; set; } = true;
}
