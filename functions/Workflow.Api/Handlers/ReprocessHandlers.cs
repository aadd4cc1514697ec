using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Workflow.Api.Contracts;
using Workflow.Api.Endpoints;
using Workflow.Domain.Recordings;
using Workflow.Domain.Reprocessing;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Reprocessing;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>Leads start batches over a study, follow, cancel and retry them.</summary>
public sealed class ReprocessHandlers(StudyRepository studies, RecordingRepository recordings, StudyBatchRecords records, BatchStarter starter)
{
    private const int MaxRequestIdLength = 200;

    public async Task<IResult> StartAsync(ApiCall call)
    {
        var (studyId, ct) = (call.Route("studyId"), call.Cancellation);
        var study = await studies.GetAsync(studyId, ct);
        if (study is null) return StudyHandlers.UnknownStudy(studyId);
        var (body, problem) = await RequestBodies.ReadOptionalJsonAsync(call.Request, new ReprocessRequest(), ct);
        if (problem is not null) return problem;
        var requestId = body!.RequestId ?? NullIfEmpty(call.Request.Headers["Idempotency-Key"].ToString());
        if (requestId is { Length: > MaxRequestIdLength })
            return Problems.BadRequest($"The request id is longer than {MaxRequestIdLength} characters.");
        // "Recode" is the only operation there ever was: coding from the current codebook.
        var stage = body.Stage ?? ReprocessStage.Coding;
        return await starter.StartAsync(call, study, stage, body.Scope ?? ReprocessScope.WholeStudy, requestId);
    }

    public async Task<IResult> StatusAsync(ApiCall call)
    {
        var (studyId, operationId, ct) = (call.Route("studyId"), call.Route("operationId"), call.Cancellation);
        var (instance, problem) = await FindAsync(call, studyId, operationId);
        if (problem is not null) return problem;
        var url = ApiRoutes.ReprocessUrl(studyId, operationId);

        if (instance!.Name != nameof(StudyBatchOrchestrator)) return LegacyStatus(instance, url);
        var input = instance.ReadInputAs<BatchInput>()!;
        var outcome = instance.IsCompleted ? instance.ReadOutputAs<BatchOutcome>() : null;
        var progress = instance.ReadCustomStatusAs<BatchProgress>();
        var processed = await records.ResultsAsync<RerunOutcome>(operationId, ct);
        var skipped = await records.SkippedAsync<SkippedRecording>(operationId, ct);
        var waiting = await StillWaitingAsync(studyId, processed, ct);
        var counts = outcome is not null
            ? new BatchCounts(outcome.Total, outcome.Done, outcome.Failed, 0, 0, waiting, outcome.Skipped, outcome.Cancelled, outcome.CancelRequested)
            : new BatchCounts(progress?.Total ?? 0, progress?.Done ?? 0, progress?.Failed ?? 0, progress?.Running ?? 0, progress?.Queued ?? 0,
                waiting, progress?.Skipped ?? 0, 0, progress?.CancelRequested ?? false);
        return TypedResults.Ok(new ReprocessStatusResponse(operationId, instance.RuntimeStatus.ToString(), input.Stage, counts,
            processed.Where(p => p.Status == RecordingStatus.Failed).ToList(), processed, skipped, outcome,
            StartedAt(input, instance), instance.LastUpdatedAt, url + "/cancel", url + "/retry"));
    }

    public async Task<IResult> CancelAsync(ApiCall call)
    {
        var (studyId, operationId, ct) = (call.Route("studyId"), call.Route("operationId"), call.Cancellation);
        var (instance, problem) = await FindAsync(call, studyId, operationId);
        if (problem is not null) return problem;
        if (instance!.Name != nameof(StudyBatchOrchestrator))
            return Problems.Conflict($"Operation '{operationId}' was started by an earlier version and cannot be cancelled; it ends by itself.");
        if (instance.IsCompleted)
            return Problems.Conflict($"Batch '{operationId}' has already ended ({instance.RuntimeStatus}); there is nothing to cancel.");
        await call.Durable.RaiseEventAsync(operationId, StudyBatchOrchestrator.CancelEvent, call.Caller.UserId, ct);
        var url = ApiRoutes.ReprocessUrl(studyId, operationId);
        // Recordings already re-running finish; none start after this.
        return TypedResults.Accepted(url, new ReprocessAcceptedResponse(operationId, instance.ReadInputAs<BatchInput>()!.Stage, url, url + "/cancel", AlreadyStarted: true));
    }

    public async Task<IResult> RetryAsync(ApiCall call)
    {
        var (studyId, operationId, ct) = (call.Route("studyId"), call.Route("operationId"), call.Cancellation);
        var (instance, problem) = await FindAsync(call, studyId, operationId);
        if (problem is not null) return problem;
        if (instance!.Name != nameof(StudyBatchOrchestrator))
            return Problems.Conflict($"Operation '{operationId}' was started by an earlier version; start a new batch instead.");
        if (!instance.IsCompleted)
            return Problems.Conflict($"Batch '{operationId}' is still {instance.RuntimeStatus}; retry its failures when it has ended.");
        var failed = (await records.ResultsAsync<RerunOutcome>(operationId, ct)).Where(p => p.Status == RecordingStatus.Failed).Select(p => p.RecordingId).ToList();
        if (failed.Count == 0) return Problems.Conflict($"Batch '{operationId}' has no failed recordings to retry.");
        var study = await studies.GetAsync(studyId, ct);
        if (study is null) return StudyHandlers.UnknownStudy(studyId);
        var input = instance.ReadInputAs<BatchInput>()!;
        // One retry per batch and set of failures: asking twice starts it once.
        return await starter.StartAsync(call, study, input.Stage, input.Scope.OnlyRecordings(failed), $"retry:{operationId}:{failed.Count}");
    }

    private static async Task<(OrchestrationMetadata? Instance, IResult? Problem)> FindAsync(ApiCall call, string studyId, string operationId)
    {
        if (!operationId.StartsWith(StudyBatchRecords.BatchIdPrefix(studyId), StringComparison.Ordinal))
            return (null, Problems.NotFound($"There is no operation '{operationId}' in study '{studyId}'."));
        var instance = await call.Durable.GetInstanceAsync(operationId, getInputsAndOutputs: true, call.Cancellation);
        return instance is null ? (null, Problems.NotFound($"There is no operation '{operationId}'.")) : (instance, null);
    }

    /// <summary>How many of the batch's re-run recordings still wait for coders now.</summary>
    private async Task<int> StillWaitingAsync(string studyId, IReadOnlyList<RerunOutcome> processed, CancellationToken ct)
    {
        var handedOver = processed.Where(p => p.Status == RecordingStatus.WaitingForVerification).Select(p => p.RecordingId).ToHashSet(StringComparer.Ordinal);
        if (handedOver.Count == 0) return 0;
        var rows = await recordings.ListByStudyAsync(studyId, ct);
        return rows.Count(r => handedOver.Contains(r.Id) && r.Status == RecordingStatus.WaitingForVerification);
    }

    /// <summary>When the batch started: the instance's creation time is its latest generation's (it continues as new).</summary>
    private static DateTimeOffset StartedAt(BatchInput input, OrchestrationMetadata instance) =>
        input.Carry?.StartedAt is { } started ? new DateTimeOffset(DateTime.SpecifyKind(started, DateTimeKind.Utc)) : instance.CreatedAt;

    /// <summary>An operation of the earlier re-code orchestrator, shown in the same shape.</summary>
    private static IResult LegacyStatus(OrchestrationMetadata instance, string url)
    {
        var outcome = instance.IsCompleted ? instance.ReadOutputAs<ReprocessOutcome>() : null;
        var processed = outcome?.Processed.Select(p => new RerunOutcome(p.RecordingId, p.Status, p.Stage, p.Error)).ToList() ?? [];
        var counts = new BatchCounts(processed.Count, processed.Count, processed.Count(p => p.Status == RecordingStatus.Failed), 0, 0, 0, outcome?.Skipped.Count ?? 0, 0, false);
        return TypedResults.Ok(new ReprocessStatusResponse(instance.InstanceId, instance.RuntimeStatus.ToString(), ReprocessStage.Coding, counts,
            processed.Where(p => p.Status == RecordingStatus.Failed).ToList(), processed, outcome?.Skipped ?? [], null, instance.CreatedAt, instance.LastUpdatedAt, url + "/cancel", url + "/retry"));
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
