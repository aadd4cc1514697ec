using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Workflow.Domain.Coding;
using Workflow.Domain.Ports;

namespace Workflow.Engines.Semantic;

/// <summary>
/// First-pass coding by meaning: each codable segment (its sentences, plus the turn before it as
/// context) is embedded with all-MiniLM-L6-v2 and compared with each code's definition, inclusion
/// criteria and example quotes; the best similarity per code becomes a calibrated confidence (see
/// <see cref="SimilarityCalibration"/>). The evidence is the segment's sentence nearest the code, its
/// text followed by the example or definition it matched. Offline: the model ships in the package.
/// </summary>
public sealed class SemanticCodingEngine : ICodingEngine
{
    public const string EngineName = "semantic";

    /// <summary>Model and scoring version recorded on suggestions.</summary>
    public const string EngineVersion = SharedSentenceEncoder.ModelName + "/1";

    // Below this, a code is not even a candidate for the ensemble.
    private const double CandidateFloor = 0.05;
    private const int MaxCachedCodebooks = 64;

    private readonly SemanticCodingOptions options;
    private readonly ConcurrentDictionary<(string StudyId, int Version), CodePrototypes> cache = new();

    public SemanticCodingEngine(IOptions<SemanticCodingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var v = options.Value;
        if (v.MinConfidence is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(options), "MinConfidence must be in [0, 1).");
        if (v.MaxCodesPerSegment < 1) throw new ArgumentOutOfRangeException(nameof(options), "MaxCodesPerSegment must be at least 1.");
        if (v.ContextWeight is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(options), "ContextWeight must be in [0, 1].");
        if (v.EncodeBatchSize < 1) throw new ArgumentOutOfRangeException(nameof(options), "EncodeBatchSize must be at least 1.");
        this.options = v;
    }

    public string Name => EngineName;

    public async Task<IReadOnlyList<CodeSuggestion>> SuggestAsync(IReadOnlyList<Segment> segments, Codebook codebook, CancellationToken cancellationToken)
    {
        var scored = await ScoreAsync(segments, codebook, cancellationToken);
        return scored.GroupBy(s => s.SegmentId)
            .SelectMany(g => CodeRanking.Select(g.ToList(), options.MinConfidence, options.MaxCodesPerSegment, options.MaxGapToTopSimilarity))
            .Select(s => new CodeSuggestion(s.SegmentId, s.CodeId, Math.Round(s.Confidence, 3), s.Evidence, EngineName, codebook.Version, EngineVersion))
            .ToList();
    }

    /// <summary>Every code above a low floor for every codable segment (the ensemble ranks these with the other engines').</summary>
    internal Task<List<ScoredCode>> ScoreAsync(IReadOnlyList<Segment> segments, Codebook codebook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(codebook);
        return Task.Run(() => Score(segments, codebook, cancellationToken), cancellationToken);
    }

    private List<ScoredCode> Score(IReadOnlyList<Segment> segments, Codebook codebook, CancellationToken cancellationToken)
    {
        var prototypes = Prototypes(codebook, cancellationToken);
        var result = new List<ScoredCode>();
        if (prototypes.CodeIds.Length == 0) return result;

        // One model pass over every sentence of the codable segments and every context turn.
        var texts = new List<string>();
        var plan = new List<(Segment Segment, (int Start, int End)[] Sentences, int FirstText, int ContextText)>();
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (segment is not { Codable: true } || string.IsNullOrWhiteSpace(segment.Text)) continue;
            var sentences = SentenceSplitter.Split(segment.Text).ToArray();
            if (sentences.Length == 0) continue;
            var first = texts.Count;
            texts.AddRange(sentences.Select(s => segment.Text[s.Start..s.End]));
            var context = -1;
            if (options.ContextWeight > 0 && i > 0 && !string.IsNullOrWhiteSpace(segments[i - 1].Text) && segments[i - 1].Speaker != segment.Speaker)
            {
                context = texts.Count;
                texts.Add(segments[i - 1].Text);
            }
            plan.Add((segment, sentences, first, context));
        }
        var vectors = SharedSentenceEncoder.Encode(texts, options.EncodeBatchSize, cancellationToken);

        foreach (var (segment, sentences, first, context) in plan)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var parts = Enumerable.Range(first, sentences.Length).Select(t => (vectors[t], 1.0 / sentences.Length)).ToList();
            var own = Vectors.Blend(parts);
            var whole = context < 0 ? own : Vectors.Blend([(own, 1 - options.ContextWeight), (vectors[context], options.ContextWeight)]);
            var similarities = prototypes.Similarities(whole);
            for (var c = 0; c < similarities.Length; c++)
            {
                var confidence = prototypes.Calibration[c].Confidence(similarities[c].Similarity);
                if (confidence < CandidateFloor) continue;
                var prototype = prototypes.ByCode[c][similarities[c].Prototype];
                var best = Enumerable.Range(0, sentences.Length).MaxBy(s => Vectors.Dot(vectors[first + s], prototype.Vector));
                var (start, end) = sentences[best];
                result.Add(new ScoredCode(segment.Id, prototypes.CodeIds[c], similarities[c].Similarity, confidence,
                    new EvidenceSpan(start, end, segment.Text[start..end])));
            }
        }
        return result;
    }

    private CodePrototypes Prototypes(Codebook codebook, CancellationToken cancellationToken)
    {
        var key = (codebook.StudyId, codebook.Version);
        if (cache.TryGetValue(key, out var cached) && (ReferenceEquals(cached.Source, codebook.Codes) || cached.Source.SequenceEqual(codebook.Codes, EntryComparer.Instance)))
            return cached;
        if (cache.Count >= MaxCachedCodebooks) cache.Clear();
        var built = CodePrototypes.Build(codebook, texts => SharedSentenceEncoder.Encode(texts, options.EncodeBatchSize, cancellationToken));
        cache[key] = built;
        return built;
    }

    /// <summary>Entries compared by the fields the prototypes read (records compare lists by reference).</summary>
    private sealed class EntryComparer : IEqualityComparer<CodebookEntry>
    {
        public static readonly EntryComparer Instance = new();

        public bool Equals(CodebookEntry? a, CodebookEntry? b) =>
            a is not null && b is not null && a.Id == b.Id && a.Level == b.Level && a.Name == b.Name && a.Definition == b.Definition
            && a.InclusionCriteria == b.InclusionCriteria && (a.Examples ?? []).SequenceEqual(b.Examples ?? []);

        public int GetHashCode(CodebookEntry e) => e.Id.GetHashCode(StringComparison.Ordinal);
    }
}
