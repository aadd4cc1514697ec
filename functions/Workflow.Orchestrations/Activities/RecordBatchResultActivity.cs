using Microsoft.DurableTask;
using Workflow.Orchestrations.Contracts;
using Workflow.Storage;

namespace Workflow.Orchestrations.Activities;

/// <summary>Stores what one recording's re-run came to, for the batch's status and its retry.</summary>
[DurableTask(nameof(RecordBatchResultActivity))]
public sealed class RecordBatchResultActivity(StudyBatchRecords records) : TaskActivity<BatchResultInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, BatchResultInput input)
    {
        await records.SaveResultAsync(input.BatchId, input.Outcome.RecordingId, input.Outcome, CancellationToken.None);
        return true;
    }
}
