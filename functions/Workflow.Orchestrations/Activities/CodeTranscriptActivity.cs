using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using Workflow.Domain.Coding;
using Workflow.Composition;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Pipeline;
using Workflow.Storage;

namespace Workflow.Orchestrations.Activities;

/// <summary>Segments the de-identified transcript and proposes codes against the study's current codebook.</summary>
[DurableTask(nameof(CodeTranscriptActivity))]
public sealed class CodeTranscriptActivity(
    RecordingDocuments documents,
    CodebookRepository codebooks,
    RecordingRepository recordings,
    RawUploadRepository rawUploads,
    StudyRepository studies,
    EngineSelection engines,
    IOptions<PipelineOptions> options) : TaskActivity<RecordingRef, CodingSummary>
{
    public override async Task<CodingSummary> RunAsync(TaskActivityContext context, RecordingRef input)
    {
        var ct = CancellationToken.None;
        var transcript = await documents.GetDeidentifiedAsync(input.StudyId, input.RecordingId, ct)
            ?? throw new PipelineInputException("The de-identified transcript is missing; run de-identification again.");
        var codebook = await codebooks.GetCurrentAsync(input.StudyId, ct)
            ?? throw new PipelineInputException($"Study '{input.StudyId}' has no codebook: PUT /api/studies/{input.StudyId}/codebook, then reprocess.");
        var recording = await recordings.GetAsync(input.RecordingId, ct);
        var study = await studies.GetAsync(input.StudyId, ct) ?? throw new PipelineInputException($"Study '{input.StudyId}' no longer exists.");
        var engine = engines.Coding(study);

        var settings = options.Value;
        var nonCodable = new HashSet<string>(settings.NonCodableSpeakers, StringComparer.OrdinalIgnoreCase);
        // Imported transcripts may label the interviewer's turns with their name; it is read from the
        // identifiable upload record (rows written before free text moved there still hold it).
        var interviewer = recording?.Metadata.Interviewer;
        if (interviewer is null && recording is not null)
            (interviewer, _) = await rawUploads.GetFreeTextAsync(RawUploadRepository.NameOf(input.StudyId, input.RecordingId, Path.GetExtension(recording.FileName)), ct);
        if (!string.IsNullOrWhiteSpace(interviewer)) nonCodable.Add(interviewer);
        var segments = Segmenter.Split(transcript, new SegmentationOptions
        {
            MaxWords = settings.SegmentMaxWords,
            MinCodableWords = settings.MinCodableWords,
            NonCodableSpeakers = nonCodable,
        });
        var suggestions = await engine.SuggestAsync(segments, codebook, ct);

        await documents.SaveCodingAsync(input.StudyId, new CodingRecord(input.RecordingId, codebook.Version, engine.Name, segments, suggestions, engine.Version), ct);
        return new CodingSummary(codebook.Version, segments.Count, segments.Count(s => s.Codable), suggestions.Count);
    }
}
