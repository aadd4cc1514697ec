using Workflow.Domain.Coding;

namespace Workflow.Domain.Ports;

/// <summary>Proposes codes for de-identified segments against a codebook (first-pass coding).</summary>
public interface ICodingEngine
{
    /// <summary>Name recorded on each suggestion, e.g. "keywords".</summary>
    string Name { get; }

    /// <summary>Version recorded with what the engine makes (see <see cref="EngineVersion"/>).</summary>
    string Version => EngineVersion.Of(GetType());

    /// <summary>Suggestions for the codable segments; segments with no suggestion are simply absent.</summary>
    Task<IReadOnlyList<CodeSuggestion>> SuggestAsync(IReadOnlyList<Segment> segments, Codebook codebook, CancellationToken cancellationToken);
}
