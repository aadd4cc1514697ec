using Microsoft.DurableTask;
using Workflow.Domain.Recordings;
using Workflow.Orchestrations.Contracts;
using Workflow.Storage;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// Decides which recordings of a study a batch touches. Recordings still in their first pass are
/// skipped (they will be coded against the codebook current when they reach coding), as are failed
/// ones (their reason says what to fix).
/// </summary>
[DurableTask(nameof(PlanReprocessActivity))]
public sealed class PlanReprocessActivity(RecordingRepository recordings) : TaskActivity<ReprocessInput, ReprocessPlan>
{
    public override async Task<ReprocessPlan> RunAsync(TaskActivityContext context, ReprocessInput input)
    {
        var all = await recordings.ListByStudyAsync(input.StudyId, CancellationToken.None);
        var eligible = all.Where(r => r.Status == RecordingStatus.Completed).Select(r => r.Id).ToList();
        var skipped = all.Where(r => r.Status != RecordingStatus.Completed)
            .Select(r => new SkippedRecording(r.Id, r.Status == RecordingStatus.Failed
                ? $"failed at {r.Stage}: {r.Error}"
                : $"still in its first pass ({r.Stage}); it will use the current codebook"))
            .ToList();
        return new ReprocessPlan(eligible, skipped);
    }
}
