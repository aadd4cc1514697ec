using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Workflow.Api.Contracts;
using Workflow.Api.Endpoints;
using Workflow.Domain.Audit;
using Workflow.Domain.Ports;
using Workflow.Domain.Reprocessing;
using Workflow.Domain.Studies;
using Workflow.Orchestrations;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Reprocessing;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>
/// Starts a study batch: validates the scope against the study, takes the study's batch lock (one
/// batch at a time) and schedules the orchestration. The same request id always maps to the same
/// batch, so a retried request starts nothing new.
/// </summary>
public sealed class BatchStarter(RecordingRepository recordings, CodebookRepository codebooks, StudyBatchLocks locks, IAuditTrail audit, IOptions<PipelineOptions> options)
{
    /// <summary>A lock taken this recently by a batch not yet visible to the backend still counts as running.</summary>
    private static readonly TimeSpan StartingGrace = TimeSpan.FromMinutes(1);

    public async Task<IResult> StartAsync(ApiCall call, Study study, ReprocessStage stage, ReprocessScope scope, string? requestId)
    {
        var ct = call.Cancellation;
        var codebook = await codebooks.GetCurrentAsync(study.Id, ct);
        // Every re-run ends by coding, so every stage needs a codebook.
        if (codebook is null) return Problems.Conflict($"Study '{study.Id}' has no codebook: PUT one before reprocessing.");
        var all = await recordings.ListByStudyAsync(study.Id, ct);
        var errors = ReprocessRequestCheck.Problems(study, all, stage, scope, codebook.Version);
        if (errors.Count > 0) return Problems.Validation(errors);

        var batchId = StudyBatchRecords.BatchIdFor(study.Id, requestId);
        if (requestId is not null && await call.Durable.GetInstanceAsync(batchId, ct) is not null)
            return Accepted(study.Id, batchId, stage, alreadyStarted: true);

        var (acquired, holder) = await locks.TryAcquireAsync(study.Id, batchId, (id, since) => IsRunningAsync(call.Durable, id, since, ct), ct);
        if (!acquired)
            return Problems.Conflict($"Batch '{holder}' is still running for study '{study.Id}'. Follow it at {ApiRoutes.ReprocessUrl(study.Id, holder)}, cancel it, or start this one when it ends.");
        try
        {
            await call.Durable.ScheduleNewOrchestrationInstanceAsync(nameof(StudyBatchOrchestrator),
                new BatchInput(batchId, study.Id, stage, scope, call.Caller.UserId, options.Value.VerificationRecheck, Math.Max(1, options.Value.ReprocessConcurrency)),
                new StartOrchestrationOptions(InstanceId: batchId), ct);
        }
        catch
        {
            await locks.ReleaseAsync(study.Id, batchId, CancellationToken.None);
            throw;
        }
        await audit.AppendAsync(study.Id, AuditEntries.For(call, AuditAction.ReprocessStarted, batchId, ("stage", stage),
            ("sites", scope.Sites?.Count ?? 0), ("recordings", scope.Recordings?.Count ?? 0), ("sinceCodebook", scope.ChangedSinceCodebookVersion ?? 0)), ct);
        return Accepted(study.Id, batchId, stage, alreadyStarted: false);
    }

    private static async Task<bool> IsRunningAsync(DurableTaskClient durable, string batchId, DateTimeOffset lockedAt, CancellationToken ct)
    {
        var instance = await durable.GetInstanceAsync(batchId, ct);
        if (instance is null) return DateTimeOffset.UtcNow - lockedAt < StartingGrace;
        return instance.RuntimeStatus is OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended;
    }

    private static IResult Accepted(string studyId, string batchId, ReprocessStage stage, bool alreadyStarted)
    {
        var url = ApiRoutes.ReprocessUrl(studyId, batchId);
        return TypedResults.Accepted(url, new ReprocessAcceptedResponse(batchId, stage, url, url + "/cancel", alreadyStarted));
    }
}
