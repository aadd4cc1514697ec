using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Workflow.Domain.Recordings;
using Workflow.Storage.Tables;

namespace Workflow.Storage;

/// <summary>
/// Recording status rows (de-identified account), one partition per study (row key = recording id),
/// so a study's recordings are a one-partition query. A small immutable row per recording in a second
/// table maps recording id to study, so <c>GET /api/recordings/{id}</c> and the activities need no
/// study; the mapping is cached in memory (bounded), since it never changes.
/// </summary>
public sealed class RecordingRepository(TableClient recordings, TableClient studyOfRecording, TimeProvider time)
{
    private const string LookupRow = "study";
    private const string StudyColumn = "StudyId";

    /// <summary>Recording ids whose study is cached; past this the cache starts again.</summary>
    internal const int StudyCacheCapacity = 10_000;

    private readonly ConcurrentDictionary<string, string> _studies = new(StringComparer.Ordinal);

    /// <summary>Creates the row; false when the recording already exists (a duplicate upload).</summary>
    public async Task<bool> TryCreateAsync(Recording recording, CancellationToken ct)
    {
        // The lookup first: a recording row is never without it. Re-running after a crash between the
        // two finds the lookup in place (same study: ids are derived from the study) and goes on.
        var lookup = new TableEntity(recording.Id, LookupRow) { [StudyColumn] = recording.StudyId };
        if (!await JsonRows.TryAddAsync(studyOfRecording, lookup, ct)
            && await StudyOfAsync(recording.Id, ct) != recording.StudyId)
            throw new InvalidOperationException($"Recording id {recording.Id} already belongs to another study.");
        return await JsonRows.TryAddAsync(recordings, ToEntity(recording), ct);
    }

    public async Task<Recording?> GetAsync(string recordingId, CancellationToken ct) =>
        await StudyOfAsync(recordingId, ct) is { } study
            ? (await JsonRows.TryGetAsync<Recording>(recordings, study, recordingId, ct)).Value
            : null;

    /// <summary>All recordings of a study, oldest first (one partition).</summary>
    public async Task<IReadOnlyList<Recording>> ListByStudyAsync(string studyId, CancellationToken ct)
    {
        var list = new List<Recording>();
        await foreach (var entity in recordings.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {studyId}"), cancellationToken: ct))
            list.Add(JsonRows.Read<Recording>(entity));
        return list.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Applies <paramref name="change"/> with optimistic concurrency, retrying on conflict. Returns the
    /// updated recording, or null when it does not exist.
    /// A recording being deleted is returned unchanged: work stopped for its deletion may still be
    /// finishing, and must not make it look alive again.
    /// </summary>
    public Task<Recording?> UpdateAsync(string recordingId, Func<Recording, Recording> change, CancellationToken ct) =>
        UpdateCoreAsync(recordingId, change, whileDeleting: false, ct);

    /// <summary>Marks the recording as being deleted (from then on other updates leave it as it is); null when it does not exist.</summary>
    public Task<Recording?> MarkDeletingAsync(string recordingId, CancellationToken ct) =>
        UpdateCoreAsync(recordingId, r => r with { Status = RecordingStatus.Deleting, Progress = null, Error = null }, whileDeleting: true, ct);

    /// <summary>Deletes the status row, then the study lookup (the last trace of the recording). Idempotent.</summary>
    public async Task DeleteAsync(string recordingId, CancellationToken ct)
    {
        if (await StudyOfAsync(recordingId, ct) is { } study)
            await recordings.DeleteEntityAsync(study, recordingId, ETag.All, ct);
        await studyOfRecording.DeleteEntityAsync(recordingId, LookupRow, ETag.All, ct);
        _studies.TryRemove(recordingId, out _);
    }

    private async Task<Recording?> UpdateCoreAsync(string recordingId, Func<Recording, Recording> change, bool whileDeleting, CancellationToken ct)
    {
        if (await StudyOfAsync(recordingId, ct) is not { } study) return null;
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var (current, etag) = await JsonRows.TryGetAsync<Recording>(recordings, study, recordingId, ct);
            if (current is null) return null;
            if (current.Status == RecordingStatus.Deleting && !whileDeleting) return current;
            var updated = change(current) with { UpdatedAt = time.GetUtcNow() };
            if (updated.Id != recordingId || updated.StudyId != study)
                throw new InvalidOperationException("A recording's id and study cannot change.");
            if (await JsonRows.TryReplaceAsync(recordings, ToEntity(updated), etag, ct)) return updated;
        }
        throw new InvalidOperationException($"Recording {recordingId} is being updated concurrently; giving up after 10 attempts.");
    }

    /// <summary>The study of a recording (immutable, so cached once read); null for an unknown recording.</summary>
    public async Task<string?> StudyOfAsync(string recordingId, CancellationToken ct)
    {
        if (_studies.TryGetValue(recordingId, out var cached)) return cached;
        if (!JsonRows.IsSafeKey(recordingId)) return null;
        var lookup = await studyOfRecording.GetEntityIfExistsAsync<TableEntity>(recordingId, LookupRow, [StudyColumn], ct);
        if (!lookup.HasValue || lookup.Value!.GetString(StudyColumn) is not { Length: > 0 } study) return null;
        if (_studies.Count >= StudyCacheCapacity) _studies.Clear();
        _studies[recordingId] = study;
        return study;
    }

    private static TableEntity ToEntity(Recording r) =>
        JsonRows.Create(r.StudyId, r.Id, r, ("Stage", r.Stage.ToString()), ("Status", r.Status.ToString()), ("CreatedAt", r.CreatedAt));
}
