using Workflow.Domain.Coding;

namespace Workflow.Engines.Azure.OpenAI;

/// <summary>Segments coded in one request, each with the segment before it as context (null for the first).</summary>
internal sealed record CodingBatch(int Number, IReadOnlyList<(Segment Segment, Segment? Previous)> Items)
{
    /// <summary>The segments of the batch by id, to check the model's answer against.</summary>
    public IReadOnlyDictionary<string, Segment> ById { get; } = Items.ToDictionary(i => i.Segment.Id, i => i.Segment, StringComparer.Ordinal);
}
