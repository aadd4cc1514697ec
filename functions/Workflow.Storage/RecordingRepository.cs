using Azure.Data.Tables;
using Workflow.Domain.Recordings;
using Workflow.Storage.Tables;

namespace Workflow.Storage;

/// <summary>
/// Recording status rows (de-identified account), keyed by recording id so status lookups need no
/// study. This is what <c>GET /api/recordings/{id}</c> reads; activities keep it in step with the pipeline.
/// </summary>
public sealed class RecordingRepository(TableClient recordings, TimeProvider time)
{
    private const string Row = "recording";

    /// <summary>Creates the row; false when the recording already exists (a duplicate upload).</summary>
    public Task<bool> TryCreateAsync(Recording recording, CancellationToken ct) =>
        JsonRows.TryAddAsync(recordings, ToEntity(recording), ct);

    public async Task<Recording?> GetAsync(string recordingId, CancellationToken ct) =>
        (await JsonRows.TryGetAsync<Recording>(recordings, recordingId, Row, ct)).Value;

    /// <summary>All recordings of a study, oldest first.</summary>
    public async Task<IReadOnlyList<Recording>> ListByStudyAsync(string studyId, CancellationToken ct)
    {
        var list = new List<Recording>();
        await foreach (var entity in recordings.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"StudyId eq {studyId}"), cancellationToken: ct))
            list.Add(JsonRows.Read<Recording>(entity));
        return list.OrderBy(r => r.CreatedAt).ToList();
    }

    /// <summary>
    /// Applies <paramref name="change"/> with optimistic concurrency, retrying on conflict. Returns the
    /// updated recording, or null when it does not exist.
    /// </summary>
    public async Task<Recording?> UpdateAsync(string recordingId, Func<Recording, Recording> change, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var (current, etag) = await JsonRows.TryGetAsync<Recording>(recordings, recordingId, Row, ct);
            if (current is null) return null;
            var updated = change(current) with { UpdatedAt = time.GetUtcNow() };
            if (await JsonRows.TryReplaceAsync(recordings, ToEntity(updated), etag, ct)) return updated;
        }
        throw new InvalidOperationException($"Recording {recordingId} is being updated concurrently; giving up after 10 attempts.");
    }

    private static TableEntity ToEntity(Recording r) =>
        JsonRows.Create(r.Id, Row, r, ("StudyId", r.StudyId), ("Stage", r.Stage.ToString()), ("Status", r.Status.ToString()));
}
