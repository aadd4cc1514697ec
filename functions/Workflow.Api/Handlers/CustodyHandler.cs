using Microsoft.AspNetCore.Http;
using Workflow.Api.Contracts;
using Workflow.Api.Endpoints;
using Workflow.Domain.Audit;
using Workflow.Domain.Ports;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>
/// <c>GET /api/recordings/{recordingId}/custody</c> (lead): from the upload's hash to each verified
/// code and its decider. Reads the identifiable transcript only for the name of the engine that made
/// it; nothing identifiable is returned.
/// </summary>
public sealed class CustodyHandler(RecordingRepository recordings, RecordingDocuments documents, IAuditTrail audit)
{
    /// <summary>Audit events read per request; a study with more is reported as incomplete, not scanned without bound.</summary>
    private const int MaxEventsScanned = 20_000;
    private const int Page = 1_000;

    public async Task<IResult> GetAsync(ApiCall call)
    {
        var (recordingId, ct) = (call.Route("recordingId"), call.Cancellation);
        var recording = await recordings.GetAsync(recordingId, ct);
        if (recording is null) return Problems.NotFound($"There is no recording '{recordingId}'.");
        var study = recording.StudyId;

        var transcript = await documents.GetTranscriptAsync(study, recordingId, ct);
        var deidentification = await documents.GetDeidentificationRecordAsync(study, recordingId, ct);
        var coding = await documents.GetCodingAsync(study, recordingId, ct);
        var final = await documents.GetFinalAsync(study, recordingId, ct);

        var steps = new List<CustodyStep>();
        if (transcript is not null) steps.Add(new CustodyStep("Transcript", transcript.Source, transcript.EngineVersion, null, null, transcript.RunId, null));
        if (deidentification is not null)
            steps.Add(new CustodyStep("Deidentification", deidentification.Engine ?? FoundBy(deidentification), deidentification.EngineVersion,
                null, deidentification.IdentifierListVersion, null, null));
        if (coding is not null)
            steps.Add(new CustodyStep("Coding", coding.Engine, coding.EngineVersion, coding.CodebookVersion, null, null, null,
                coding.Suggestions.Select(s => s.EngineVersion).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()));
        if (final is not null) steps.Add(new CustodyStep("Final", null, null, final.CodebookVersion, final.IdentifierListVersion, null, final.FinalizedAt));

        var codes = final?.Segments.SelectMany(s => s.Codes.Select(c => new CustodyCode(s.Id, c.CodeId, c.Origin, c.DecidedBy))).ToList() ?? [];
        var (events, complete) = await EventsAboutAsync(study, recordingId, ct);
        return TypedResults.Ok(new CustodyResponse(recordingId, study,
            new CustodyUpload(recording.ContentSha256, recording.SizeBytes, recording.Source, recording.CreatedAt), steps, codes, events, complete));
    }

    /// <summary>For records stored before the engine was kept: the recognizers its findings name.</summary>
    private static string FoundBy(DeidentificationRecord record) =>
        string.Join("+", record.Findings.Select(f => f.Recognizer).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    private async Task<(List<CustodyEvent> Events, bool Complete)> EventsAboutAsync(string studyId, string recordingId, CancellationToken ct)
    {
        var itemPrefix = $"{studyId}~{recordingId}~";
        var found = new List<CustodyEvent>();
        for (long from = 1, scanned = 0; scanned < MaxEventsScanned; from += Page, scanned += Page)
        {
            var page = await audit.ReadAsync(studyId, from, Page, ct);
            found.AddRange(page.Where(e => e.TargetId == recordingId || e.TargetId.StartsWith(itemPrefix, StringComparison.Ordinal))
                .Select(e => new CustodyEvent(e.Sequence, e.At, e.Actor, e.Action, e.TargetId, e.Hash)));
            if (page.Count < Page) return (found, true);
        }
        return (found, false);
    }
}
