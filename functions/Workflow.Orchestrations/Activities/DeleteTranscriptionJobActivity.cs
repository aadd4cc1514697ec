using Microsoft.DurableTask;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations.Activities;

/// <summary>Deletes the job and its result on the service once the transcript is stored (or the job failed).</summary>
[DurableTask(nameof(DeleteTranscriptionJobActivity))]
public sealed class DeleteTranscriptionJobActivity(BatchTranscriptionEngines engines) : TaskActivity<TranscriptionJobRef, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, TranscriptionJobRef job)
    {
        var engine = await engines.ForAsync(job.StudyId, CancellationToken.None);
        await engine.DeleteAsync(job.JobId, CancellationToken.None);
        return true;
    }
}
