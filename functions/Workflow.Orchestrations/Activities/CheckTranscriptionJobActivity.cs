using Microsoft.DurableTask;
using Workflow.Domain.Ports;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations.Activities;

/// <summary>One look at the job's state. A busy service is reported, not waited for: the monitor sets a timer.</summary>
[DurableTask(nameof(CheckTranscriptionJobActivity))]
public sealed class CheckTranscriptionJobActivity(BatchTranscriptionEngines engines) : TaskActivity<TranscriptionJobRef, JobCheck>
{
    public override async Task<JobCheck> RunAsync(TaskActivityContext context, TranscriptionJobRef job)
    {
        var engine = await engines.ForAsync(job.StudyId, CancellationToken.None);
        try
        {
            var status = await engine.GetStatusAsync(job.JobId, CancellationToken.None);
            return new JobCheck(status.State, status.Error, status.RetryAfter);
        }
        catch (EngineBusyException busy)
        {
            return new JobCheck(BatchJobState.Running, RetryAfter: busy.RetryAfter, Busy: true);
        }
    }
}
