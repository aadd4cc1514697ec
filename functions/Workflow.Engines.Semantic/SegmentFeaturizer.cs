using Workflow.Domain.Coding;
using Workflow.Domain.Coding.Learning;

namespace Workflow.Engines.Semantic;

/// <summary>
/// Turns codable segments into what the learnt classifiers read (<see cref="FeatureVector"/>): the
/// mean embedding of the segment's sentences, blended with the turn before it when another speaker
/// said it (the question a turn answers), plus the segment's hashed words and word pairs. The same
/// reading of a segment as <see cref="SemanticCodingEngine"/>'s, so both engines see one thing.
/// </summary>
public static class SegmentFeaturizer
{
    /// <summary>The embedding's dimensions (all-MiniLM-L6-v2).</summary>
    public const int Dimensions = 384;

    public static IReadOnlyDictionary<string, FeatureVector> Featurize(IReadOnlyList<Segment> segments, double contextWeight, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var texts = new List<string>();
        var plan = new List<(Segment Segment, int First, int Count, int Context)>();
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (segment is not { Codable: true } || string.IsNullOrWhiteSpace(segment.Text)) continue;
            var sentences = SentenceSplitter.Split(segment.Text);
            if (sentences.Count == 0) sentences = [(0, segment.Text.Length)];
            var first = texts.Count;
            texts.AddRange(sentences.Select(s => segment.Text[s.Start..s.End]));
            var context = -1;
            if (contextWeight > 0 && i > 0 && !string.IsNullOrWhiteSpace(segments[i - 1].Text) && segments[i - 1].Speaker != segment.Speaker)
            {
                context = texts.Count;
                texts.Add(segments[i - 1].Text);
            }
            plan.Add((segment, first, sentences.Count, context));
        }
        var vectors = SharedSentenceEncoder.Encode(texts, batchSize, cancellationToken);

        var result = new Dictionary<string, FeatureVector>(StringComparer.Ordinal);
        foreach (var (segment, first, count, context) in plan)
        {
            var own = Vectors.Blend(Enumerable.Range(first, count).Select(t => (vectors[t], 1.0 / count)).ToList());
            var dense = context < 0 ? own : Vectors.Blend([(own, 1 - contextWeight), (vectors[context], contextWeight)]);
            var (indices, values) = LexicalFeatures.Of(segment.Text);
            result[segment.Id] = new FeatureVector(dense, indices, values);
        }
        return result;
    }
}
