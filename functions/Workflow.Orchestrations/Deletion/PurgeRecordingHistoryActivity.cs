using Microsoft.DurableTask;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations.Deletion;

/// <summary>Purges the orchestration history of the recording's ended instances; returns how many.</summary>
[DurableTask(nameof(PurgeRecordingHistoryActivity))]
public sealed class PurgeRecordingHistoryActivity(IRecordingInstances instances) : TaskActivity<RecordingTarget, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, RecordingTarget input) =>
        instances.PurgeAsync(input.StudyId, input.RecordingId, CancellationToken.None);
}
