using Microsoft.DurableTask;
using Workflow.Orchestrations.Contracts;
using Workflow.Storage;

namespace Workflow.Orchestrations.Activities;

/// <summary>Retires a recording's pending items of one kind, e.g. code suggestions made against an old codebook.</summary>
[DurableTask(nameof(SupersedePendingItemsActivity))]
public sealed class SupersedePendingItemsActivity(WorkflowStores stores) : TaskActivity<SupersedeInput, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, SupersedeInput input) =>
        stores.Verification.SupersedePendingAsync(input.StudyId, input.RecordingId, input.Kind, CancellationToken.None);
}
