using Microsoft.DurableTask;
using Workflow.Domain.Recordings;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Pipeline;

namespace Workflow.Orchestrations.Reprocessing;

/// <summary>
/// A lead's batch: re-runs a stage (and every later one) for the recordings in scope, at most
/// <see cref="BatchInput.MaxParallel"/> at a time, refilling as each finishes. Only machine work is
/// waited for; each recording's verification is handed to its own finaliser. A "cancel" event stops
/// new work from starting; what runs finishes. Ends by releasing the study's batch lock.
/// The plan and the results live in storage, and every <see cref="BatchInput.CheckpointEvery"/>
/// recordings the orchestration continues as new with counts only, so its history (re-read on every
/// step) stays the same size however large the study.
/// </summary>
[DurableTask(nameof(StudyBatchOrchestrator))]
public sealed class StudyBatchOrchestrator : TaskOrchestrator<BatchInput, BatchOutcome>
{
    public const string CancelEvent = "cancel";

    /// <summary>How often, and how long apart, recordings skipped for running are looked at again (two minutes in all).</summary>
    public const int MaxBusyRounds = 12;
    public static readonly TimeSpan BusyRecheckDelay = TimeSpan.FromSeconds(10);

    public override async Task<BatchOutcome> RunAsync(TaskOrchestrationContext context, BatchInput input)
    {
        var carry = input.Carry;
        if (carry is null)
        {
            var plan = await context.CallActivityAsync<BatchPlanSummary>(nameof(PlanBatchActivity), input, Retries.Transient);
            // Continuing as new starts a new instance generation with a new creation time: the batch's own start is carried.
            carry = new BatchCarry(0, plan.Eligible, plan.Skipped, 0, 0, 0, plan.Busy, StartedAt: context.CurrentUtcDateTime);
        }
        var slice = await context.CallActivityAsync<IReadOnlyList<RerunTarget>>(nameof(TakeBatchTargetsActivity),
            new BatchSliceInput(input.BatchId, carry.Offset, Math.Max(1, input.CheckpointEvery)), Retries.Transient);

        var queued = new Queue<RerunTarget>(slice);
        var running = new List<(Task<RerunOutcome> Task, string RecordingId)>();
        var (done, failed, launched) = (carry.Done, carry.Failed, 0);
        var cancel = context.WaitForExternalEvent<string>(CancelEvent);
        var cancelRequested = false;
        var limit = Math.Max(1, input.MaxParallel);

        void Fill()
        {
            while (!cancelRequested && running.Count < limit && queued.TryDequeue(out var target))
            {
                running.Add((context.CallSubOrchestratorAsync<RerunOutcome>(nameof(RerunRecordingOrchestrator),
                    new RerunInput(input.BatchId, input.StudyId, target, input.Stage, input.VerificationRecheck, SchemaVersion: RecordingPipelineInput.CurrentSchema),
                    new SubOrchestrationOptions { InstanceId = $"{input.BatchId}:{target.RecordingId}" }), target.RecordingId));
                launched++;
            }
            context.SetCustomStatus(new BatchProgress(carry.Total, done, failed, running.Count,
                carry.Total - carry.Offset - launched, carry.Skipped, cancelRequested));
        }

        // Each pass ends one re-run or takes the cancel event: at most one pass per recording plus one.
        Fill();
        while (running.Count > 0)
        {
            var waitingOn = running.Select(r => (Task)r.Task).ToList();
            if (!cancelRequested) waitingOn.Add(cancel);
            var finished = await Task.WhenAny(waitingOn);
            if (finished == cancel)
            {
                cancelRequested = true;
            }
            else
            {
                var ended = running.First(r => r.Task == finished);
                running.Remove(ended);
                var outcome = await OutcomeOf(context, input.BatchId, ended.Task, ended.RecordingId);
                done++;
                if (outcome.Status == RecordingStatus.Failed) failed++;
            }
            Fill();
        }

        var offset = carry.Offset + launched;
        if (!cancelRequested && offset < carry.Total && slice.Count > 0)
        {
            // Unprocessed events (a cancel on its way) are kept for the next generation.
            context.ContinueAsNew(input with { Carry = carry with { Offset = offset, Done = done, Failed = failed, Generation = carry.Generation + 1 } }, preserveUnprocessedEvents: true);
            return null!;
        }
        // Recordings that were running when planned (finalising after a previous batch, say) get another
        // look, after a pause, a few times, so that what this batch changes reaches them too.
        if (!cancelRequested && carry.Busy > 0 && carry.BusyRounds < MaxBusyRounds)
        {
            using var stopWaiting = new CancellationTokenSource();
            var pause = context.CreateTimer(context.CurrentUtcDateTime.Add(BusyRecheckDelay), stopWaiting.Token);
            if (await Task.WhenAny(pause, cancel) == cancel) cancelRequested = true;
            stopWaiting.Cancel();
            if (!cancelRequested)
            {
                var recheck = await context.CallActivityAsync<BusyRecheckSummary>(nameof(RecheckBusyActivity), new BusyRecheckInput(input, carry.Total), Retries.Transient);
                context.ContinueAsNew(input with
                {
                    Carry = carry with
                    {
                        Offset = offset, Done = done, Failed = failed, Generation = carry.Generation + 1,
                        Total = carry.Total + recheck.NowEligible, Skipped = carry.Skipped - recheck.NowEligible,
                        Busy = recheck.StillBusy, BusyRounds = carry.BusyRounds + 1,
                    },
                }, preserveUnprocessedEvents: true);
                return null!;
            }
        }
        await context.CallActivityAsync<bool>(nameof(ReleaseBatchLockActivity), new BatchLockInput(input.StudyId, input.BatchId), Retries.Transient);
        // A batch that asked while this one ran (a new identifier list, say) starts now.
        await context.CallActivityAsync<string?>(nameof(StartPendingBatchActivity), input.StudyId, Retries.Transient);
        return new BatchOutcome(input.BatchId, input.StudyId, input.Stage, carry.Total, done, failed, carry.Skipped,
            carry.Total - offset, cancelRequested, carry.Generation + 1);
    }

    private static async Task<RerunOutcome> OutcomeOf(TaskOrchestrationContext context, string batchId, Task<RerunOutcome> task, string recordingId)
    {
        try
        {
            return await task;
        }
        catch (TaskFailedException failure)
        {
            // The re-run records its own stage failures; this is a fault of the orchestration itself.
            var outcome = new RerunOutcome(recordingId, RecordingStatus.Failed, PipelineStage.Received,
                $"The re-run stopped unexpectedly ({failure.FailureDetails?.ErrorType ?? "unknown error"}); retry the batch's failures.");
            await context.CallActivityAsync<bool>(nameof(RecordBatchResultActivity), new BatchResultInput(batchId, outcome), Retries.Transient);
            return outcome;
        }
    }
}
