using Workflow.Domain.Recordings;
using Workflow.Domain.Transcripts;

namespace Workflow.Domain.Ports;

/// <summary>
/// A transcription engine whose work on one recording splits into pieces that the workflow runs as
/// separate activities, possibly on different workers: <see cref="PrepareAsync"/> once, then
/// <see cref="TranscribeChunkAsync"/> once per chunk (in any order, at once), then
/// <see cref="AssembleAsync"/>. No piece outlives a work item's visibility by much, a crash repeats
/// only the piece it interrupted, and progress can be reported per chunk. What passes between the
/// pieces is identifiable (audio, words) and lives only in <see cref="ITranscriptionScratch"/>.
/// Each piece is idempotent: repeated, it finds its own result in the scratch and returns it.
/// </summary>
public interface IChunkedTranscriptionEngine : ITranscriptionEngine
{
    /// <summary>Decodes the audio and plans the chunks; returns how many there are.</summary>
    Task<int> PrepareAsync(IAudioSource audio, TranscriptionRequest request, ITranscriptionScratch scratch, CancellationToken cancellationToken);

    /// <summary>Recognises chunk <paramref name="chunk"/> (0-based) of the prepared recording; returns how many chunks are recognised now, of how many.</summary>
    Task<StageProgress> TranscribeChunkAsync(int chunk, TranscriptionRequest request, ITranscriptionScratch scratch, CancellationToken cancellationToken);

    /// <summary>Joins the chunks' words into the transcript (and labels speakers); fails if a chunk has no result.</summary>
    Task<Transcript> AssembleAsync(string recordingId, TranscriptionRequest request, ITranscriptionScratch scratch, CancellationToken cancellationToken);
}
