using Workflow.Domain.Coding;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Ports;
using Workflow.Domain.Transcripts;

namespace Workflow.Composition.Tests;

/// <summary>Stand-in adapters: what a new adapter project would offer, with recognisable outputs.</summary>
internal sealed class CloudTranscriber : ITranscriptionEngine
{
    public string Name => "cloud-asr";

    public Task<Transcript> TranscribeAsync(IAudioSource audio, TranscriptionRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new Transcript(audio.RecordingId, Name, []));
}

internal sealed class CloudDetector : IDeidentificationEngine
{
    public string Name => "cloud-pii";

    public Task<IReadOnlyList<IdentifierFinding>> FindAsync(Transcript transcript, StudyIdentifierList identifiers, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<IdentifierFinding>>([new IdentifierFinding(0, 0, 4, IdentifierKind.Person, "Dave", "cloud:dave", 0.7, Name)]);
}

internal sealed class EchoCoder : ICodingEngine
{
    public string Name => "echo";

    public Task<IReadOnlyList<CodeSuggestion>> SuggestAsync(IReadOnlyList<Segment> segments, Codebook codebook, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CodeSuggestion>>([]);
}
