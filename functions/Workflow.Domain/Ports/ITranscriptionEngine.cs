using Workflow.Domain.Transcripts;

namespace Workflow.Domain.Ports;

/// <summary>
/// Turns audio into a timed transcript. Engines are chosen by configuration
/// (<c>Engines:Transcription</c>). An engine that cannot run (no model, no key) throws
/// <see cref="EngineUnavailableException"/> with a message saying what to configure.
/// </summary>
public interface ITranscriptionEngine
{
    /// <summary>Name recorded on the transcript, e.g. "pocketsphinx-0.8".</summary>
    string Name { get; }

    /// <summary>Version recorded with what the engine makes (see <see cref="EngineVersion"/>).</summary>
    string Version => EngineVersion.Of(GetType());

    /// <summary>
    /// Transcribes <paramref name="audio"/>. An engine that decodes locally asks the source for a local
    /// copy; one that fetches audio itself asks for a short-lived read URL. <paramref name="request"/>
    /// carries the language, the expected number of speakers and the study's vocabulary; an engine uses
    /// what it can and ignores the rest.
    /// </summary>
    Task<Transcript> TranscribeAsync(IAudioSource audio, TranscriptionRequest request, CancellationToken cancellationToken);
}
