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

    /// <summary>Transcribes the audio file at <paramref name="audioPath"/> (any format ffmpeg decodes).</summary>
    Task<Transcript> TranscribeAsync(string recordingId, string audioPath, string? language, CancellationToken cancellationToken);
}
