using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Recordings;
using Workflow.Domain.Results;
using Workflow.Domain.Verification;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Pipeline;
using Workflow.Orchestrations.Verification;
using Workflow.Storage;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// Writes the verified, coded, de-identified transcript. Redactions a coder undid are restored by
/// de-identifying the original again without them, so the final text never depends on patching.
/// Pure function of stored inputs (and the study's identifier list, which corrections are checked
/// against again), hence safe to re-run.
/// </summary>
[DurableTask(nameof(FinalizeRecordingActivity))]
public sealed class FinalizeRecordingActivity(RecordingRepository recordings, RecordingDocuments documents, CodebookRepository codebooks, VerificationQueue queue, PseudonymRegistryRepository pseudonyms, TimeProvider time, IOptions<PipelineOptions> options,
    StudyRepository studies, FreeTextDeidentifier freeText)
    : TaskActivity<RecordingRef, FinalizeSummary>
{
    public override async Task<FinalizeSummary> RunAsync(TaskActivityContext context, RecordingRef input)
    {
        var ct = CancellationToken.None;
        var (studyId, recordingId) = (input.StudyId, input.RecordingId);
        var original = await documents.GetTranscriptAsync(studyId, recordingId, ct)
            ?? throw new PipelineInputException("The original transcript is missing.");
        var record = await documents.GetDeidentificationRecordAsync(studyId, recordingId, ct)
            ?? throw new PipelineInputException("The pseudonym key of this recording is missing.");
        var firstPass = await documents.GetDeidentifiedAsync(studyId, recordingId, ct)
            ?? throw new PipelineInputException("The de-identified transcript is missing.");
        var coding = await documents.GetCodingAsync(studyId, recordingId, ct)
            ?? throw new PipelineInputException("The coding results are missing.");
        var codebook = await codebooks.GetAsync(studyId, coding.CodebookVersion, ct);

        var items = (await queue.ListAsync(studyId, recordingId, ct))
            .Where(i => i.Status == VerificationItemStatus.Decided)
            .Where(i => i.Kind is VerificationItemKind.Redaction or VerificationItemKind.TranscriptCheck || i.Suggestion?.CodebookVersion == coding.CodebookVersion)
            .ToList();
        items = await WithCorrectionsDeidentifiedAgainAsync(studyId, items, ct);
        var undone = items
            .Where(i => i is { Kind: VerificationItemKind.Redaction, Redaction: not null, Decision.Action: DecisionAction.Undo })
            .Select(i => i.Redaction!.Id)
            .ToHashSet();

        // Labels already exist in the registry, so re-applying assigns nothing new.
        var registry = await pseudonyms.GetAsync(studyId, ct);
        var final = Pseudonymizer.Apply(original, studyId, record.IdentifierListVersion, record.Findings, registry,
            options.Value.ConfirmRedactionsBelow, undone).Transcript;
        var restoredLengths = record.Key.Where(k => undone.Contains(k.RedactionId))
            .ToDictionary(k => k.RedactionId, k => k.OriginalText.Length);

        // The speaker names live on the recording's row, so every re-run's final transcript uses them.
        var speakerNames = (await recordings.GetAsync(recordingId, ct))?.SpeakerNames;
        var result = FinalTranscriptBuilder.Build(final, firstPass, coding.Segments, items, codebook, restoredLengths, time.GetUtcNow(), speakerNames);
        await documents.SaveFinalAsync(studyId, recordingId, result, ct);
        // Names set while this ran: either the route saw the transcript just written and renamed it,
        // or it changed the row after it was read above, and the re-read here finds that.
        if ((await recordings.GetAsync(recordingId, ct))?.SpeakerNames is { } named && !SameNames(named, speakerNames))
            await documents.SaveFinalAsync(studyId, recordingId, SpeakerNames.Apply(result, firstPass, named), ct);
        return new FinalizeSummary(result.Utterances.Count, result.Segments.Count(s => s.Codes.Count > 0),
            result.Segments.Sum(s => s.Codes.Count), undone.Count);
    }

    /// <summary>
    /// Corrections were de-identified when they were decided; the study's list may have grown since (a
    /// missed identifier marked, a batch after a new list), so they pass through the current list and
    /// detectors again before they reach the final transcript. Labels already in them stay as they are.
    /// </summary>
    private async Task<List<VerificationItem>> WithCorrectionsDeidentifiedAgainAsync(string studyId, List<VerificationItem> items, CancellationToken ct)
    {
        var corrected = items.Where(i => i is { Kind: VerificationItemKind.TranscriptCheck, Decision.CorrectedText: not null }).ToList();
        if (corrected.Count == 0) return items;
        var study = await studies.GetAsync(studyId, ct) ?? throw new PipelineInputException($"Study '{studyId}' no longer exists.");
        var texts = await freeText.DeidentifyAsync(study, corrected.Select(i => i.Decision!.CorrectedText!).ToList(), ct);
        var byId = corrected.Select((item, n) => (item.Id, Text: texts[n])).ToDictionary(x => x.Id, x => x.Text, StringComparer.Ordinal);
        return items.Select(i => byId.TryGetValue(i.Id, out var text) ? i with { Decision = i.Decision! with { CorrectedText = text } } : i).ToList();
    }

    private static bool SameNames(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string>? b) =>
        b is not null && a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var name) && name == p.Value);
}
