using Azure;
using Azure.Data.Tables;
using Workflow.Domain.Uploads;
using Workflow.Storage.Tables;

namespace Workflow.Storage;

/// <summary>
/// Upload grants (identifiable account: until the upload is taken in they hold the file name and the
/// form's fields), one partition per study, row key = grant id. Updates are conditional, so two
/// intakes of the same blob (the trigger delivers at least once) cannot both record the outcome.
/// </summary>
public sealed class UploadGrants(TableClient table)
{
    public async Task<(UploadGrant? Grant, ETag ETag)> GetAsync(string studyId, string grantId, CancellationToken ct)
    {
        if (!JsonRows.IsSafeKey(studyId) || !UploadGrantNames.IsGrantId(grantId)) return (null, default);
        return await JsonRows.TryGetAsync<UploadGrant>(table, studyId, grantId, ct);
    }

    public Task<bool> TryAddAsync(UploadGrant grant, CancellationToken ct) =>
        JsonRows.TryAddAsync(table, Row(grant), ct);

    /// <summary>Records a new state if the grant is still as it was read; false when another intake changed it meanwhile.</summary>
    public Task<bool> TryReplaceAsync(UploadGrant grant, ETag etag, CancellationToken ct) =>
        JsonRows.TryReplaceAsync(table, Row(grant), etag, ct);

    /// <summary>Grants whose URL ran out before <paramref name="before"/>, in every study (a filtered scan: grants are few).</summary>
    public async Task<IReadOnlyList<(UploadGrant Grant, ETag ETag)>> ListExpiredBeforeAsync(DateTimeOffset before, CancellationToken ct)
    {
        var found = new List<(UploadGrant, ETag)>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"ExpiresAt lt {before}"), cancellationToken: ct))
            found.Add((JsonRows.Read<UploadGrant>(row), row.ETag));
        return found;
    }

    /// <summary>Deletes the grant unless it changed since it was read.</summary>
    public async Task DeleteAsync(UploadGrant grant, ETag etag, CancellationToken ct)
    {
        try
        {
            await table.DeleteEntityAsync(grant.StudyId, grant.GrantId, etag, ct);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
        }
    }

    private static TableEntity Row(UploadGrant grant) =>
        JsonRows.Create(grant.StudyId, grant.GrantId, grant, ("State", grant.State.ToString()), ("ExpiresAt", grant.ExpiresAt));
}
