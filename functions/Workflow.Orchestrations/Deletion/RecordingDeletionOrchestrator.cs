using Microsoft.DurableTask;
using Workflow.Orchestrations.Contracts;
using Workflow.Storage;

namespace Workflow.Orchestrations.Deletion;

/// <summary>
/// Deletes one recording, durably, so a crash mid-way resumes instead of leaving half of it:
/// stop its orchestrations (terminate, and wait until they have ended), erase its data, wait
/// <see cref="RecordingDeletionInput.SweepDelay"/> and erase again (an activity that was running when
/// its orchestration was terminated still finishes, and may write once more), purge its
/// orchestrations' history, then drop its status row and record what was erased in the audit trail.
/// </summary>
[DurableTask(nameof(RecordingDeletionOrchestrator))]
public sealed class RecordingDeletionOrchestrator : TaskOrchestrator<RecordingDeletionInput, DeletionOutcome>
{
    /// <summary>Rounds of "terminate, then look again" before erasing anyway (the sweep catches stragglers).</summary>
    private const int StopRounds = 12;

    private static readonly TimeSpan StopRecheck = TimeSpan.FromSeconds(5);

    // Deletion must finish: storage faults are retried for longer than the pipeline's.
    private static readonly TaskOptions Persistent = TaskOptions.FromRetryPolicy(new RetryPolicy(8, TimeSpan.FromSeconds(5), 2, TimeSpan.FromMinutes(5)));

    public override async Task<DeletionOutcome> RunAsync(TaskOrchestrationContext context, RecordingDeletionInput input)
    {
        var target = input.Target;
        for (var round = 0; round < StopRounds; round++)
        {
            if (await context.CallActivityAsync<int>(nameof(StopRecordingWorkActivity), target, Persistent) == 0) break;
            await context.CreateTimer(StopRecheck, CancellationToken.None);
        }
        var erased = await context.CallActivityAsync<ErasureReport>(nameof(EraseRecordingActivity), target, Persistent);
        await context.CreateTimer(input.SweepDelay, CancellationToken.None);
        // Stopped once more: a batch re-run that started before the recording was marked may have begun since.
        await context.CallActivityAsync<int>(nameof(StopRecordingWorkActivity), target, Persistent);
        erased = erased.Plus(await context.CallActivityAsync<ErasureReport>(nameof(EraseRecordingActivity), target, Persistent));
        var purged = await context.CallActivityAsync<int>(nameof(PurgeRecordingHistoryActivity), target, Persistent);
        var outcome = new DeletionOutcome(input, erased, purged);
        await context.CallActivityAsync<bool>(nameof(CompleteRecordingDeletionActivity), outcome, Persistent);
        return outcome;
    }
}
