using Azure.Data.Tables;
using Workflow.Domain.Recordings;
using Workflow.Storage.Tables;

namespace Workflow.Storage;

/// <summary>
/// Participants who withdrew consent (identifiable account: a withdrawal is about a person), one
/// partition per study, row key = the participant id in upper case, so "p017" and "P017" are one row.
/// Read at every upload, so that a withdrawn participant's recordings are refused.
/// </summary>
public sealed class ParticipantWithdrawals(TableClient table)
{
    public async Task<ParticipantWithdrawal?> GetAsync(string studyId, string participantId, CancellationToken ct)
    {
        if (!JsonRows.IsSafeKey(participantId)) return null;
        return (await JsonRows.TryGetAsync<ParticipantWithdrawal>(table, studyId, Key(participantId), ct)).Value;
    }

    /// <summary>Records the withdrawal; a repeated withdrawal replaces the record (its lists grow, its first date stays with the caller).</summary>
    public Task SaveAsync(ParticipantWithdrawal withdrawal, CancellationToken ct) =>
        table.UpsertEntityAsync(JsonRows.Create(withdrawal.StudyId, Key(withdrawal.ParticipantId), withdrawal), TableUpdateMode.Replace, ct);

    private static string Key(string participantId) => participantId.ToUpperInvariant();
}
