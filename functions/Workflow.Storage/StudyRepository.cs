using Azure.Data.Tables;
using Workflow.Domain.Studies;
using Workflow.Storage.Tables;

namespace Workflow.Storage;

/// <summary>Studies, one row each in the de-identified account (names and sites only; no participant data).</summary>
public sealed class StudyRepository(TableClient studies)
{
    private const string Row = "study";

    /// <summary>Creates the study; false when its id is taken.</summary>
    public Task<bool> TryCreateAsync(Study study, CancellationToken ct) =>
        JsonRows.TryAddAsync(studies, JsonRows.Create(study.Id, Row, study), ct);

    public async Task<Study?> GetAsync(string studyId, CancellationToken ct) =>
        (await JsonRows.TryGetAsync<Study>(studies, studyId, Row, ct)).Value;

    /// <summary>Every study, by id (a scan: a deployment holds tens of studies, not thousands).</summary>
    public async Task<IReadOnlyList<Study>> ListAsync(CancellationToken ct)
    {
        var list = new List<Study>();
        await foreach (var row in studies.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {Row}"), cancellationToken: ct))
            list.Add(JsonRows.Read<Study>(row));
        return list.OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Applies <paramref name="change"/> with optimistic concurrency; null when the study does not exist.</summary>
    public async Task<Study?> UpdateAsync(string studyId, Func<Study, Study> change, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var (current, etag) = await JsonRows.TryGetAsync<Study>(studies, studyId, Row, ct);
            if (current is null) return null;
            var updated = change(current);
            if (await JsonRows.TryReplaceAsync(studies, JsonRows.Create(studyId, Row, updated), etag, ct)) return updated;
        }
        throw new InvalidOperationException($"Study {studyId} is being updated concurrently; giving up after 10 attempts.");
    }
}
