using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using Workflow.Domain.Audit;
using Workflow.Domain.Ports;
using Workflow.Domain.Reprocessing;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Reprocessing;
using Workflow.Storage;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// Run by a batch as it ends, after releasing the study's lock: starts the batch that waited for it
/// (<see cref="PendingBatch"/>), if any, under its own lock. If yet another batch took the lock in
/// between, the request waits on for that one to end. Safe to repeat: the request is removed only
/// once its batch has started, and the batch id comes from the request id, so a retry after a crash
/// finds the lock and the batch already its own.
/// </summary>
[DurableTask(nameof(StartPendingBatchActivity))]
public sealed class StartPendingBatchActivity(StudyBatchLocks locks, IOrchestrationStarter starter, IAuditTrail audit, IOptions<PipelineOptions> options)
    : TaskActivity<string, string?>
{
    /// <summary>The audit trail's actor when a batch starts by itself (it names who asked for it).</summary>
    public const string Actor = "system:batch";

    public override async Task<string?> RunAsync(TaskActivityContext context, string studyId)
    {
        var ct = CancellationToken.None;
        var pending = await locks.PendingAsync(studyId, ct);
        if (pending is null) return null;
        var batchId = StudyBatchRecords.BatchIdFor(studyId, pending.RequestId);
        // Whoever holds the lock now is taken to be running: it starts this one when it ends.
        var (acquired, _) = await locks.TryAcquireAsync(studyId, batchId, (_, _) => Task.FromResult(true), ct);
        if (!acquired) return null;
        await starter.StartAsync(nameof(StudyBatchOrchestrator), batchId,
            new BatchInput(batchId, studyId, pending.Stage, ReprocessScope.WholeStudy, pending.RequestedBy, options.Value.VerificationRecheck, Math.Max(1, options.Value.ReprocessConcurrency)), ct);
        // A retry after a crash right here records the start twice, which is better than not at all.
        await audit.AppendAsync(studyId, new AuditEntry(Actor, AuditAction.ReprocessStarted, batchId,
            new Dictionary<string, string> { ["stage"] = pending.Stage.ToString(), ["requestedBy"] = pending.RequestedBy, ["waited"] = "true" }), ct);
        // Removed only if it is still the waiting one: a newer request that came meanwhile waits on for this batch.
        await locks.TakePendingAsync(studyId, pending.RequestId, ct);
        return batchId;
    }
}
