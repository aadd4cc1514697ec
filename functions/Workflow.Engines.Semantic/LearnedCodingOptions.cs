namespace Workflow.Engines.Semantic;

/// <summary>Settings of the learning coder (configuration section <c>Engines:Learned</c>).</summary>
public sealed class LearnedCodingOptions
{
    /// <summary>The engine that proposes the codes not learnt yet (any coding engine key but <c>learned</c>).</summary>
    public string Fallback { get; set; } = "keywords";

    /// <summary>Positive examples a code needs before its classifier is switched on.</summary>
    public int MinPositives { get; set; } = 8;

    /// <summary>Negative examples a code needs before its classifier is switched on.</summary>
    public int MinNegatives { get; set; } = 8;

    /// <summary>Most verified segments trained on (the newest recordings' first): bounds memory and training time.</summary>
    public int MaxExamples { get; set; } = 5000;

    /// <summary>How long a study's classifiers are used before its decisions are read again (and, if they changed, retrained).</summary>
    public TimeSpan RefreshAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Most codes proposed per segment, learnt and fallback together.</summary>
    public int MaxCodesPerSegment { get; set; } = 3;
}
