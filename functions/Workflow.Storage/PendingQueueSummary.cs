using Workflow.Domain.Verification;

namespace Workflow.Storage;

/// <summary>A study's pending verification items by kind, how many are leased now, and to which coders.</summary>
public sealed record PendingQueueSummary(IReadOnlyDictionary<VerificationItemKind, int> PendingByKind, int Claimed, IReadOnlyList<string> ActiveCoders)
{
    public int Pending => PendingByKind.Values.Sum();
}
