using Workflow.Composition;
using Workflow.Domain.Ports;
using Workflow.Domain.Recordings;
using Workflow.Domain.Transcripts;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Pipeline;
using Workflow.Storage;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// What every transcription activity of a recording needs: the study's engine, the request (language,
/// speaker count, the study's names and terms: kept in memory, never in orchestration history), the
/// upload as an audio source and the run's scratch.
/// </summary>
public sealed class TranscriptionWork(
    StudyRepository studies,
    RecordingRepository recordings,
    RecordingDocuments documents,
    RawUploadRepository uploads,
    AudioSources audio,
    IdentifierListRepository identifierLists,
    CodebookRepository codebooks,
    EngineSelection engines)
{
    public async Task<ITranscriptionEngine> EngineAsync(RecordingPipelineInput input, CancellationToken ct)
    {
        var study = await studies.GetAsync(input.StudyId, ct) ?? throw new PipelineInputException($"Study '{input.StudyId}' no longer exists.");
        return engines.Transcription(study);
    }

    /// <summary>The study's engine as a chunked one; a study switched to another engine meanwhile is a clear failure.</summary>
    public async Task<IChunkedTranscriptionEngine> ChunkedEngineAsync(RecordingPipelineInput input, CancellationToken ct) =>
        await EngineAsync(input, ct) as IChunkedTranscriptionEngine
        ?? throw new PipelineInputException("The study's transcription engine changed while the recording was being transcribed in chunks; retry the recording.");

    public Task<Recording?> RecordingAsync(RecordingPipelineInput input, CancellationToken ct) => recordings.GetAsync(input.RecordingId, ct);

    /// <summary>The upload's language and speaker count, and the study's names and terms.</summary>
    public async Task<TranscriptionRequest> RequestAsync(RecordingPipelineInput input, Recording? recording, CancellationToken ct)
    {
        var identifiers = await identifierLists.GetCurrentAsync(input.StudyId, ct);
        var codebook = await codebooks.GetCurrentAsync(input.StudyId, ct);
        return new TranscriptionRequest(
            recording?.Metadata.Language,
            recording is null ? null : SpeakerCount.Expected(recording.Metadata),
            StudyVocabulary.From(identifiers, codebook));
    }

    public IAudioSource Audio(RecordingPipelineInput input) => audio.For(input);

    public BlobTranscriptionScratch Scratch(RecordingPipelineInput input) => uploads.TranscriptionScratch(input.StudyId, input.RecordingId, input.RunId);

    public Task<int> DeleteOtherScratchAsync(RecordingPipelineInput input, CancellationToken ct) =>
        uploads.DeleteOtherTranscriptionScratchAsync(input.StudyId, input.RecordingId, input.RunId, ct);

    /// <summary>This run's transcript by <paramref name="engine"/>, if it is already stored (the activity ran before a crash).</summary>
    public async Task<Transcript?> StoredByThisRunAsync(RecordingPipelineInput input, ITranscriptionEngine engine, CancellationToken ct) =>
        await documents.GetTranscriptAsync(input.StudyId, input.RecordingId, ct) is { } existing && existing.Source == engine.Name && existing.RunId == input.RunId
            ? existing : null;

    public Task SaveAsync(RecordingPipelineInput input, Transcript transcript, CancellationToken ct) => documents.SaveTranscriptAsync(input.StudyId, transcript, ct);

    public static TranscriptionSummary Summarize(string engine, Transcript t, double audioSeconds, double seconds, bool reused) =>
        new(engine, t.Utterances.Count, t.Utterances.Sum(u => u.Words.Count > 0 ? u.Words.Count : u.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length),
            audioSeconds, seconds, reused);
}
