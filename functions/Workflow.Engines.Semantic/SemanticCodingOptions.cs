namespace Workflow.Engines.Semantic;

/// <summary>Settings of the semantic coding engine (configuration section <c>Engines:Semantic</c>).</summary>
public sealed class SemanticCodingOptions
{
    /// <summary>Suggestions below this calibrated confidence are dropped. In [0, 1).</summary>
    public double MinConfidence { get; set; } = 0.5;

    /// <summary>Most codes proposed per segment.</summary>
    public int MaxCodesPerSegment { get; set; } = 3;

    /// <summary>
    /// Weight of the preceding turn (usually the question) in a segment's vector: an answer such as
    /// "yes, because they had to" means little without the question it answers.
    /// </summary>
    public double ContextWeight { get; set; } = 0.3;

    /// <summary>
    /// A second or third code is proposed only when its similarity is within this distance of the best
    /// code's in the same segment, so a segment is not given every loosely related code.
    /// </summary>
    public double MaxGapToTopSimilarity { get; set; } = 0.08;

    /// <summary>
    /// Most sentences per model call, which bounds memory whatever the call's size; batches are also kept
    /// within 256 padded tokens (<see cref="BatchPlan.DefaultTokenBudget"/>), which short sentences reach first.
    /// </summary>
    public int EncodeBatchSize { get; set; } = 64;
}
