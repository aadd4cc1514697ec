using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Workflow.Domain.Coding;
using Workflow.Domain.Ports;

namespace Workflow.Engines.Local.Coding;

/// <summary>
/// First-pass coding by keyword: each level-2 code is proposed for a codable segment when enough of its
/// keywords and phrases occur there (case-insensitive, whole words, light stemming so involve, involved
/// and involvement, or organise and organization, count as the same word). Transparent and offline: every
/// suggestion carries the words that triggered it, for the coder who verifies it.
/// </summary>
public sealed class KeywordCodingEngine : ICodingEngine
{
    /// <summary>The engine name recorded on suggestions.</summary>
    public const string EngineName = "keywords";

    /// <summary>Version recorded on suggestions; raise it when the matching rules change what is proposed.</summary>
    public const string EngineVersion = "2";

    // A codebook version is immutable, so a compiled one can be reused for every batch of that version.
    // Bounded because a long-running host may see many studies.
    private const int MaxCachedCodebooks = 64;
    private const double MaxConfidence = 0.99;
    private const double MinReportedConfidence = 0.001;

    private readonly KeywordCodingOptions options;
    private readonly ConcurrentDictionary<(string StudyId, int Version), CompiledCodebook> cache = new();

    /// <summary>Creates the engine; the options are read once.</summary>
    public KeywordCodingEngine(IOptions<KeywordCodingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        if (value.MinConfidence is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(options), "MinConfidence must be in [0, 1).");
        if (value.MaxCodesPerSegment < 1) throw new ArgumentOutOfRangeException(nameof(options), "MaxCodesPerSegment must be at least 1.");
        if (value.MinShareOfTopScore is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(options), "MinShareOfTopScore must be in [0, 1].");
        if (!(value.Saturation > 0)) throw new ArgumentOutOfRangeException(nameof(options), "Saturation must be positive.");
        this.options = new KeywordCodingOptions
        {
            MinConfidence = value.MinConfidence,
            MaxCodesPerSegment = value.MaxCodesPerSegment,
            MinShareOfTopScore = value.MinShareOfTopScore,
            Saturation = value.Saturation,
            UseNameWords = value.UseNameWords,
            UseQuotedCriteria = value.UseQuotedCriteria,
        };
    }

    /// <inheritdoc />
    public string Name => EngineName;

    /// <inheritdoc />
    public Task<IReadOnlyList<CodeSuggestion>> SuggestAsync(IReadOnlyList<Segment> segments, Codebook codebook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(codebook);

        var compiled = Compiled(codebook);
        var suggestions = new List<CodeSuggestion>();
        foreach (var segment in segments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (segment is not { Codable: true } || string.IsNullOrWhiteSpace(segment.Text)) continue;
            suggestions.AddRange(Suggest(segment, compiled, codebook.Version));
        }
        return Task.FromResult<IReadOnlyList<CodeSuggestion>>(suggestions);
    }

    private IEnumerable<CodeSuggestion> Suggest(Segment segment, CompiledCodebook compiled, int version)
    {
        var scores = compiled.Score(TextTokenizer.Tokenize(segment.Text));
        if (scores.Count == 0) return [];
        var top = scores.Values.Max(v => v.Total);
        return scores
            .Select(s => (Code: s.Key, Score: s.Value, Confidence: Confidence(s.Value.Total)))
            .Where(s => s.Confidence >= options.MinConfidence)
            .Where(s => s.Score.Total >= options.MinShareOfTopScore * top)
            .OrderByDescending(s => s.Confidence)
            .ThenBy(s => s.Code)
            .Take(options.MaxCodesPerSegment)
            .Select(s => new CodeSuggestion(
                segment.Id,
                compiled.CodeIds[s.Code],
                s.Confidence,
                new EvidenceSpan(s.Score.BestStart, s.Score.BestEnd, segment.Text[s.Score.BestStart..s.Score.BestEnd]),
                EngineName,
                version,
                EngineVersion));
    }

    /// <summary>Saturating in the evidence: more hits always raise confidence, never to certainty.</summary>
    private double Confidence(double weight) =>
        Math.Clamp(Math.Round(1 - Math.Exp(-weight / options.Saturation), 3), MinReportedConfidence, MaxConfidence);

    private CompiledCodebook Compiled(Codebook codebook)
    {
        var key = (codebook.StudyId, codebook.Version);
        if (cache.TryGetValue(key, out var cached) && SameContent(cached.Source, codebook.Codes)) return cached;
        if (cache.Count >= MaxCachedCodebooks) cache.Clear();
        var compiled = CompiledCodebook.Compile(codebook, options);
        cache[key] = compiled;
        return compiled;
    }

    // Versions are immutable in storage, but a caller can still hand over a different codebook under a
    // reused key (tests, an edited draft); comparing entries is cheap next to recompiling.
    private static bool SameContent(IReadOnlyList<CodebookEntry> a, IReadOnlyList<CodebookEntry> b) =>
        ReferenceEquals(a, b) || (a.Count == b.Count && a.Zip(b).All(p =>
            p.First.Id == p.Second.Id && p.First.Parent == p.Second.Parent && p.First.Level == p.Second.Level && p.First.Name == p.Second.Name
            && p.First.InclusionCriteria == p.Second.InclusionCriteria
            && (p.First.Keywords ?? []).SequenceEqual(p.Second.Keywords ?? [])));
}
