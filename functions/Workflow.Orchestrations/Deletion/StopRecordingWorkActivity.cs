using Microsoft.DurableTask;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations.Deletion;

/// <summary>Terminates the recording's running orchestrations; returns how many have not yet ended.</summary>
[DurableTask(nameof(StopRecordingWorkActivity))]
public sealed class StopRecordingWorkActivity(IRecordingInstances instances) : TaskActivity<RecordingTarget, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, RecordingTarget input) =>
        instances.StopAsync(input.StudyId, input.RecordingId, CancellationToken.None);
}
