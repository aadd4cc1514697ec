using Azure.Storage.Blobs;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Recordings;

namespace Workflow.Storage;

/// <summary>How much of a recording an erasure removed (counts only: the report goes to the audit trail).</summary>
public sealed record ErasureReport(int Blobs, int QueueRows, int BatchRows, int RetiredPseudonyms)
{
    public static readonly ErasureReport None = new(0, 0, 0, 0);

    public ErasureReport Plus(ErasureReport other) =>
        new(Blobs + other.Blobs, QueueRows + other.QueueRows, BatchRows + other.BatchRows, RetiredPseudonyms + other.RetiredPseudonyms);
}

/// <summary>
/// Erases everything stored about one recording except its status row (which says "Deleting" until
/// the deletion ends): the upload as received, the identifiable transcript, its redaction key, the
/// de-identified, coded and final transcripts, its queue items with coders' decisions, what batches
/// recorded about it, and the pseudonym entries no other recording of the study uses. Every step is
/// idempotent, so a run cut short by a crash is simply run again.
/// </summary>
public sealed class RecordingEraser(
    IReadOnlyList<BlobContainerClient> recordingContainers,
    RecordingDocuments documents,
    RecordingRepository recordings,
    PseudonymRegistryRepository pseudonyms,
    VerificationQueue queue,
    StudyBatchRecords batches)
{
    public async Task<ErasureReport> EraseAsync(string studyId, string recordingId, CancellationToken ct)
    {
        // The pseudonym entries first: which ones are this recording's is read from its redaction key,
        // which the blob step deletes.
        var retired = await RetireUnsharedPseudonymsAsync(studyId, recordingId, ct);
        var blobs = 0;
        foreach (var container in recordingContainers)
            blobs += await BlobPrefix.DeleteAsync(container, $"{studyId}/{recordingId}", ct);
        var queueRows = await queue.EraseRecordingAsync(studyId, recordingId, ct);
        var batchRows = await batches.EraseRecordingAsync(studyId, recordingId, ct);
        return new ErasureReport(blobs, queueRows, batchRows, retired);
    }

    /// <summary>
    /// Retires the entities this recording mentions that no other live recording of the study does.
    /// Recordings being deleted too (the rest of a withdrawn participant's) do not count as keeping one.
    /// </summary>
    private async Task<int> RetireUnsharedPseudonymsAsync(string studyId, string recordingId, CancellationToken ct)
    {
        if (await documents.GetDeidentificationRecordAsync(studyId, recordingId, ct) is not { } mine) return 0;
        var kept = new HashSet<(IdentifierKind, string)>();
        foreach (var other in await recordings.ListByStudyAsync(studyId, ct))
        {
            if (other.Id == recordingId || other.Status == RecordingStatus.Deleting) continue;
            if (await documents.GetDeidentificationRecordAsync(studyId, other.Id, ct) is { } theirs)
                kept.UnionWith(EntitiesOf(theirs));
        }
        var unshared = EntitiesOf(mine).Where(e => !kept.Contains(e)).ToList();
        return await pseudonyms.RetireAsync(studyId, unshared, ct);
    }

    private static IEnumerable<(IdentifierKind, string)> EntitiesOf(DeidentificationRecord record) =>
        record.Findings.Select(f => (f.Kind, PseudonymRegistry.Normalize(f.EntityKey))).Distinct();
}
