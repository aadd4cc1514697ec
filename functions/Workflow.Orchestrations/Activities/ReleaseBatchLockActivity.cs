using Microsoft.DurableTask;
using Workflow.Orchestrations.Contracts;
using Workflow.Storage;

namespace Workflow.Orchestrations.Activities;

/// <summary>Lets the next batch of the study start. Safe to repeat.</summary>
[DurableTask(nameof(ReleaseBatchLockActivity))]
public sealed class ReleaseBatchLockActivity(StudyBatchLocks locks) : TaskActivity<BatchLockInput, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, BatchLockInput input) =>
        locks.ReleaseAsync(input.StudyId, input.BatchId, CancellationToken.None);
}
