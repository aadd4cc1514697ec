using Azure;
using Azure.Data.Tables;
using Workflow.Domain.Studies;

namespace Workflow.Storage;

/// <summary>
/// Study membership rows (identifiable account: the rows name the team and decide who reads what),
/// one partition per study, row key = the escaped user id. Every API request to a study's resources
/// reads one row here, so membership changes take effect on the next request.
/// </summary>
public sealed class StudyMembers(TableClient table)
{
    private const string UserColumn = "UserId";
    private const string RolesColumn = "Roles";
    private const string ChangedByColumn = "ChangedBy";
    private const string ChangedAtColumn = "ChangedAt";

    public async Task<StudyMember?> GetAsync(string studyId, string userId, CancellationToken ct)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(studyId, Key(userId), cancellationToken: ct);
        return row.HasValue ? Read(row.Value!) : null;
    }

    /// <summary>The study's members, ordered by user id.</summary>
    public async Task<IReadOnlyList<StudyMember>> ListAsync(string studyId, CancellationToken ct)
    {
        var members = new List<StudyMember>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {studyId}"), cancellationToken: ct))
            members.Add(Read(row));
        return members.OrderBy(m => m.UserId, StringComparer.Ordinal).ToList();
    }

    /// <summary>The studies <paramref name="userId"/> belongs to (a scan: membership tables are small).</summary>
    public async Task<IReadOnlyList<StudyMember>> ListForUserAsync(string userId, CancellationToken ct)
    {
        var members = new List<StudyMember>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {Key(userId)}"), cancellationToken: ct))
            members.Add(Read(row));
        return members.OrderBy(m => m.StudyId, StringComparer.Ordinal).ToList();
    }

    /// <summary>Creates or replaces the member's roles.</summary>
    public Task PutAsync(StudyMember member, CancellationToken ct) =>
        table.UpsertEntityAsync(new TableEntity(member.StudyId, Key(member.UserId))
        {
            [UserColumn] = member.UserId,
            [RolesColumn] = string.Join(',', member.Roles),
            [ChangedByColumn] = member.ChangedBy,
            [ChangedAtColumn] = member.ChangedAt,
        }, TableUpdateMode.Replace, ct);

    /// <summary>Removes the member; false when they were not one.</summary>
    public async Task<bool> RemoveAsync(string studyId, string userId, CancellationToken ct)
    {
        try
        {
            // The client answers a missing entity with a 404 response rather than an exception.
            var response = await table.DeleteEntityAsync(studyId, Key(userId), ETag.All, ct);
            return response.Status != 404;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    /// <summary>Row keys may not hold '/', '\', '#', '?' or control characters; percent-escaping removes them all.</summary>
    private static string Key(string userId) => Uri.EscapeDataString(userId);

    private static StudyMember Read(TableEntity row) => new(
        row.PartitionKey,
        row.GetString(UserColumn),
        (row.GetString(RolesColumn) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
        row.GetString(ChangedByColumn) ?? "",
        row.GetDateTimeOffset(ChangedAtColumn) ?? DateTimeOffset.MinValue);
}
