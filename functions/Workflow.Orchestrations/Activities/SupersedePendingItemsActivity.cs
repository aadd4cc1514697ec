using Microsoft.DurableTask;
using Workflow.Domain.Verification;
using Workflow.Orchestrations.Contracts;
using Workflow.Storage;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// Retires a recording's pending items of one kind, e.g. code suggestions made against an old codebook.
/// Retiring proposals retires their pending second codings and reconciliations too: they judge the same proposals.
/// </summary>
[DurableTask(nameof(SupersedePendingItemsActivity))]
public sealed class SupersedePendingItemsActivity(VerificationQueue queue) : TaskActivity<SupersedeInput, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, SupersedeInput input)
    {
        VerificationItemKind[] kinds = input.Kind == VerificationItemKind.CodeSuggestion
            ? [VerificationItemKind.CodeSuggestion, VerificationItemKind.SecondCoding, VerificationItemKind.Reconciliation]
            : [input.Kind];
        var retired = 0;
        foreach (var kind in kinds)
            retired += await queue.SupersedePendingAsync(input.StudyId, input.RecordingId, kind, CancellationToken.None);
        return retired;
    }
}
