using Workflow.Domain.Verification;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations.Activities;

/// <summary>Counts a recording's live items (superseded ones no longer need a decision).</summary>
public static class VerificationProgressReader
{
    public static VerificationProgress Of(IEnumerable<VerificationItem> items)
    {
        var live = items.Where(i => i.Status != VerificationItemStatus.Superseded).ToList();
        return new VerificationProgress(live.Count(i => i.Status == VerificationItemStatus.Decided), live.Count);
    }
}
