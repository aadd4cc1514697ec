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
/// </summary>
[DurableTask(nameof(StudyBatchOrchestrator))]
public sealed class StudyBatchOrchestrator : TaskOrchestrator<BatchInput, BatchOutcome>
{
    public const string CancelEvent = "cancel";

    public override async Task<BatchOutcome> RunAsync(TaskOrchestrationContext context, BatchInput input)
    {
        var plan = await context.CallActivityAsync<BatchPlan>(nameof(PlanBatchActivity), input, Retries.Transient);
        var queued = new Queue<RerunTarget>(plan.Eligible);
        var running = new List<(Task<RerunOutcome> Task, string RecordingId)>();
        var outcomes = new List<RerunOutcome>();
        var cancel = context.WaitForExternalEvent<string>(CancelEvent);
        var cancelRequested = false;
        var limit = Math.Max(1, input.MaxParallel);

        void Report() => context.SetCustomStatus(new BatchProgress(plan.Eligible.Count, outcomes.Count,
            outcomes.Count(o => o.Status == RecordingStatus.Failed), running.Count, queued.Count, plan.Skipped.Count, cancelRequested));

        void Fill()
        {
            while (!cancelRequested && running.Count < limit && queued.TryDequeue(out var target))
                running.Add((context.CallSubOrchestratorAsync<RerunOutcome>(nameof(RerunRecordingOrchestrator),
                    new RerunInput(input.BatchId, input.StudyId, target, input.Stage, input.VerificationRecheck),
                    new SubOrchestrationOptions { InstanceId = $"{input.BatchId}:{target.RecordingId}" }), target.RecordingId));
            Report();
        }

        // Each pass ends one re-run or takes the cancel event, so this runs at most once per
        // recording plus once: the history grows with the batch, not without bound.
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
                var done = running.First(r => r.Task == finished);
                running.Remove(done);
                outcomes.Add(await OutcomeOf(done.Task, done.RecordingId));
            }
            Fill();
        }

        var cancelled = queued.Select(t => t.RecordingId).ToList();
        await context.CallActivityAsync<bool>(nameof(ReleaseBatchLockActivity), new BatchLockInput(input.StudyId, input.BatchId), Retries.Transient);
        return new BatchOutcome(input.BatchId, input.StudyId, input.Stage, outcomes, plan.Skipped, cancelled, cancelRequested);
    }

    private static async Task<RerunOutcome> OutcomeOf(Task<RerunOutcome> task, string recordingId)
    {
        try
        {
            return await task;
        }
        catch (TaskFailedException failure)
        {
            // The re-run records its own stage failures; this is a fault of the orchestration itself.
            return new RerunOutcome(recordingId, RecordingStatus.Failed, PipelineStage.Received,
                $"The re-run stopped unexpectedly ({failure.FailureDetails?.ErrorType ?? "unknown error"}); retry the batch's failures.");
        }
    }
}
