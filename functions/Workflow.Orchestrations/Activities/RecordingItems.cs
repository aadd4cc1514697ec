using Workflow.Domain.Verification;
using Workflow.Orchestrations.Pipeline;
using Workflow.Storage;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// The verification items a recording's stored results call for: its uncertain redactions and doubtful
/// passages of a recognised transcript (both when asked: they rest on the de-identified transcript)
/// and its proposed codes, with second codings for the study's double-coded share. Shared by the first pass's enqueue and a re-run's reconcile, so both queue
/// exactly the same items.
/// </summary>
internal static class RecordingItems
{
    public static async Task<(List<VerificationItem> Items, CodingRecord Coding)> BuildAsync(
        RecordingDocuments documents, string studyId, string recordingId, bool includeRedactions, DateTimeOffset now, CancellationToken ct,
        double doubleCodingShare = 0, TranscriptCheckOptions? transcriptChecks = null)
    {
        string ItemId(string local) => VerificationQueue.ItemId(studyId, recordingId, local);
        var items = new List<VerificationItem>();
        if (includeRedactions)
        {
            var transcript = await documents.GetDeidentifiedAsync(studyId, recordingId, ct)
                ?? throw new PipelineInputException("The de-identified transcript is missing; run de-identification again.");
            var record = await documents.GetDeidentificationRecordAsync(studyId, recordingId, ct)
                ?? throw new PipelineInputException("The pseudonym key of this recording is missing; run de-identification again.");
            items.AddRange(VerificationItemFactory.ForRedactions(transcript, record.Key, ItemId, now));
            if (transcriptChecks is not null)
                items.AddRange(VerificationItemFactory.ForTranscriptChecks(transcript, transcriptChecks, ItemId, now));
        }
        var coding = await documents.GetCodingAsync(studyId, recordingId, ct)
            ?? throw new PipelineInputException("The coding results are missing; run coding again.");
        items.AddRange(DoubleCoding.Apply(VerificationItemFactory.ForSuggestions(studyId, recordingId, coding.Segments, coding.Suggestions, ItemId, now), doubleCodingShare));
        return (items, coding);
    }
}
