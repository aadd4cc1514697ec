using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workflow.Domain.Coding;
using Workflow.Domain.Ports;
using Workflow.Engines.Local.Coding;

namespace Workflow.Engines.Semantic;

/// <summary>Settings of the ensemble (configuration section <c>Engines:Ensemble</c>).</summary>
public sealed class EnsembleCodingOptions
{
    /// <summary>Weight of one engine's confidence alone in the discounted noisy-OR (see EnsembleRanking).</summary>
    public double Discount { get; set; } = 0.8;

    public double MinConfidence { get; set; } = 0.5;

    public int MaxCodesPerSegment { get; set; } = 3;
}

/// <summary>
/// The keyword and semantic coders as one: both run on the same segments, and their confidences for
/// each (segment, code) are combined into one ranked list (<see cref="EnsembleRanking"/>), so a code
/// that both support comes first and the most doubtful items are the ones only one engine saw.
/// </summary>
public sealed class EnsembleCodingEngine(
    [FromKeyedServices(KeywordCodingEngine.EngineName)] ICodingEngine keywords,
    SemanticCodingEngine semantic,
    IOptions<EnsembleCodingOptions> options) : ICodingEngine
{
    public const string EngineName = "ensemble";

    private readonly EnsembleCodingOptions settings = options.Value;

    public string Name => EngineName;

    public async Task<IReadOnlyList<CodeSuggestion>> SuggestAsync(IReadOnlyList<Segment> segments, Codebook codebook, CancellationToken cancellationToken)
    {
        var lexical = keywords.SuggestAsync(segments, codebook, cancellationToken);
        var meaning = semantic.ScoreAsync(segments, codebook, cancellationToken);
        await Task.WhenAll(lexical, meaning);
        var version = $"{KeywordCodingEngine.EngineName}/{KeywordCodingEngine.EngineVersion}+{SemanticCodingEngine.EngineVersion}";
        return EnsembleRanking.Rank(await lexical, await meaning, settings.Discount, settings.MinConfidence, settings.MaxCodesPerSegment)
            .Select(r => new CodeSuggestion(r.SegmentId, r.CodeId, Math.Round(r.Confidence, 3), r.Evidence, EngineName, codebook.Version, version))
            .ToList();
    }
}
