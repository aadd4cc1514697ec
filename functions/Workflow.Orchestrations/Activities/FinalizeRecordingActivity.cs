using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Recordings;
using Workflow.Domain.Results;
using Workflow.Domain.Verification;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Pipeline;
using Workflow.Storage;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// Writes the verified, coded, de-identified transcript. Redactions a coder undid are restored by
/// de-identifying the original again without them, so the final text never depends on patching.
/// Pure function of stored inputs, hence safe to re-run.
/// </summary>
[DurableTask(nameof(FinalizeRecordingActivity))]
public sealed class FinalizeRecordingActivity(RecordingRepository recordings, RecordingDocuments documents, CodebookRepository codebooks, VerificationQueue queue, PseudonymRegistryRepository pseudonyms, TimeProvider time, IOptions<PipelineOptions> options)
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

    private static bool SameNames(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string>? b) =>
        b is not null && a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var name) && name == p.Value);
}
