using Microsoft.DurableTask;
using Workflow.Orchestrations.Contracts;
using Workflow.Storage;

namespace Workflow.Orchestrations.Activities;

/// <summary>Retires a recording's pending items of one kind, e.g. code suggestions made against an old codebook.</summary>
[DurableTask(nameof(SupersedePendingItemsActivity))]
public sealed class SupersedePendingItemsActivity(VerificationQueue queue) : TaskActivity<SupersedeInput, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, SupersedeInput input) =>
        queue.SupersedePendingAsync(input.StudyId, input.RecordingId, input.Kind, CancellationToken.None);
}
