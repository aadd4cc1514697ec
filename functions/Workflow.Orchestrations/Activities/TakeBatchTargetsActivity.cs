using Microsoft.DurableTask;
using Workflow.Orchestrations.Contracts;
using Workflow.Storage;

namespace Workflow.Orchestrations.Activities;

/// <summary>The next slice of a batch's targets, in plan order.</summary>
[DurableTask(nameof(TakeBatchTargetsActivity))]
public sealed class TakeBatchTargetsActivity(StudyBatchRecords records) : TaskActivity<BatchSliceInput, IReadOnlyList<RerunTarget>>
{
    public override Task<IReadOnlyList<RerunTarget>> RunAsync(TaskActivityContext context, BatchSliceInput input) =>
        records.TargetsAsync<RerunTarget>(input.BatchId, input.From, input.Count, CancellationToken.None);
}
