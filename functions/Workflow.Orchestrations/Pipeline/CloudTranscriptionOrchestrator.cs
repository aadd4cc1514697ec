using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Workflow.Domain.Ports;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations.Pipeline;

/// <summary>
/// A durable monitor of one batch transcription job: submit (idempotent), then check on orchestrator
/// timers that back off (and wait at least the service's Retry-After when it throttles), then store the
/// result and delete the job. No activity sleeps. History holds the job id and states only; the
/// audio's read URL and the transcript never pass through it. A failed job, a missing result or a job
/// that outlives <see cref="CloudTranscriptionInput.MaxWait"/> fails the stage with the reason, and
/// the job is deleted then too.
/// </summary>
[DurableTask(nameof(CloudTranscriptionOrchestrator))]
public sealed class CloudTranscriptionOrchestrator : TaskOrchestrator<CloudTranscriptionInput, TranscriptionSummary>
{
    private const string LogCategory = "Workflow.Orchestrations.Pipeline";

    public override async Task<TranscriptionSummary> RunAsync(TaskOrchestrationContext context, CloudTranscriptionInput input)
    {
        var recording = input.Recording;
        var deadline = context.CurrentUtcDateTime + input.MaxWait;
        var log = context.CreateReplaySafeLogger(LogCategory);

        string? jobId = null;
        for (var attempt = 0; jobId is null; attempt++)
        {
            var submitted = await context.CallActivityAsync<SubmitOutcome>(nameof(SubmitTranscriptionJobActivity), recording, Retries.Transient);
            jobId = submitted.JobId;
            if (jobId is null)
                await WaitAsync(context, null, "busy", attempt, PollSchedule.Next(attempt, input.FirstCheck, input.LongestInterval, submitted.RetryAfter), deadline, input);
        }
        var job = new TranscriptionJobRef(recording.StudyId, recording.RecordingId, jobId, recording.RunId);
        log.LogInformation("Recording {RecordingId}: transcription job {JobId} submitted", recording.RecordingId, jobId);

        TimeSpan? retryAfter = null;
        for (var check = 0; ; check++)
        {
            if (!await WaitAsync(context, jobId, "Running", check, PollSchedule.Next(check, input.FirstCheck, input.LongestInterval, retryAfter), deadline, input))
            {
                await DeleteAsync(context, job);
                throw new EngineUnavailableException($"Azure AI Speech job {jobId} did not finish within {input.MaxWait}; the stage can be re-run.");
            }
            var status = await context.CallActivityAsync<JobCheck>(nameof(CheckTranscriptionJobActivity), job, Retries.Transient);
            if (status.State == BatchJobState.Succeeded) break;
            if (status.State == BatchJobState.Failed)
            {
                await DeleteAsync(context, job);
                throw new EngineUnavailableException(status.Error ?? $"The transcription job {jobId} failed without a reason.");
            }
            retryAfter = status.RetryAfter;
        }

        context.SetCustomStatus(new CloudTranscriptionStatus(jobId, "Succeeded", 0, null));
        TranscriptionSummary summary;
        try
        {
            summary = await context.CallActivityAsync<TranscriptionSummary>(nameof(StoreTranscriptionResultActivity), job, Retries.Transient);
        }
        catch (TaskFailedException)
        {
            // The result cannot be stored (missing or unreadable): nothing is left waiting on the service.
            await DeleteAsync(context, job);
            throw;
        }
        await DeleteAsync(context, job);
        return summary;
    }

    /// <summary>Waits on a durable timer; false when that would pass the deadline.</summary>
    private static async Task<bool> WaitAsync(TaskOrchestrationContext context, string? jobId, string state, int checks, TimeSpan delay, DateTime deadline, CloudTranscriptionInput input)
    {
        var fireAt = context.CurrentUtcDateTime + delay;
        if (fireAt > deadline)
        {
            if (jobId is null) throw new EngineUnavailableException($"Azure AI Speech stayed too busy to accept the job for {input.MaxWait}; the stage can be re-run.");
            return false;
        }
        context.SetCustomStatus(new CloudTranscriptionStatus(jobId, state, checks, fireAt));
        await context.CreateTimer(fireAt, CancellationToken.None);
        return true;
    }

    /// <summary>Deletes the job; a failure here is logged, not fatal: the job's time to live removes it anyway.</summary>
    private static async Task DeleteAsync(TaskOrchestrationContext context, TranscriptionJobRef job)
    {
        try
        {
            await context.CallActivityAsync<bool>(nameof(DeleteTranscriptionJobActivity), job, Retries.Transient);
        }
        catch (TaskFailedException)
        {
            context.CreateReplaySafeLogger(LogCategory).LogWarning("Recording {RecordingId}: transcription job {JobId} could not be deleted; it expires on the service", job.RecordingId, job.JobId);
        }
    }
}
