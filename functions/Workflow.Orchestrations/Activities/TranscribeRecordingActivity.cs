using System.Diagnostics;
using Microsoft.DurableTask;
using Workflow.Composition;
using Workflow.Domain.Ports;
using Workflow.Domain.Recordings;
using Workflow.Domain.Transcripts;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Pipeline;
using Workflow.Storage;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// Transcribes the upload with the study's transcription engine into the identifiable store. If a
/// transcript by the same engine already exists (the activity ran before a crash), it is reused
/// rather than paid for twice.
/// </summary>
[DurableTask(nameof(TranscribeRecordingActivity))]
public sealed class TranscribeRecordingActivity(
    StudyRepository studies,
    RecordingRepository recordings,
    RecordingDocuments documents,
    AudioSources audio,
    IdentifierListRepository identifierLists,
    CodebookRepository codebooks,
    EngineSelection engines) : TaskActivity<RecordingPipelineInput, TranscriptionSummary>
{
    public override async Task<TranscriptionSummary> RunAsync(TaskActivityContext context, RecordingPipelineInput input)
    {
        var ct = CancellationToken.None;
        var study = await studies.GetAsync(input.StudyId, ct) ?? throw new PipelineInputException($"Study '{input.StudyId}' no longer exists.");
        var engine = engines.Transcription(study);
        var recording = await recordings.GetAsync(input.RecordingId, ct);
        var audioSeconds = recording?.DurationSeconds ?? 0;
        var existing = await documents.GetTranscriptAsync(input.StudyId, input.RecordingId, ct);
        // Done already by this run (a retried activity): keep it. A batch re-transcribing has its own run id.
        if (existing is not null && existing.Source == engine.Name && existing.RunId == input.RunId)
            return Summarize(engine.Name, existing, audioSeconds, 0, reused: true);

        var clock = Stopwatch.StartNew();
        var request = await RequestForAsync(input.StudyId, recording, ct);
        var transcript = await engine.TranscribeAsync(audio.For(input), request, ct) with { RunId = input.RunId, EngineVersion = engine.Version };
        var seconds = clock.Elapsed.TotalSeconds;
        await documents.SaveTranscriptAsync(input.StudyId, transcript, ct);
        // The engine logs its own counts and timing; the summary goes to the orchestration.
        return Summarize(engine.Name, transcript, audioSeconds, seconds, reused: false);
    }

    /// <summary>The upload's language and speaker count, and the study's names and terms (kept in memory only).</summary>
    private async Task<TranscriptionRequest> RequestForAsync(string studyId, Recording? recording, CancellationToken ct)
    {
        var identifiers = await identifierLists.GetCurrentAsync(studyId, ct);
        var codebook = await codebooks.GetCurrentAsync(studyId, ct);
        return new TranscriptionRequest(
            recording?.Metadata.Language,
            recording is null ? null : SpeakerCount.Expected(recording.Metadata),
            StudyVocabulary.From(identifiers, codebook));
    }

    private static TranscriptionSummary Summarize(string engine, Domain.Transcripts.Transcript t, double audioSeconds, double seconds, bool reused) =>
        new(engine, t.Utterances.Count, t.Utterances.Sum(u => u.Words.Count > 0 ? u.Words.Count : u.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length),
            audioSeconds, seconds, reused);
}
