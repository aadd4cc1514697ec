using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Workflow.Api.Contracts;
using Workflow.Api.Endpoints;
using Workflow.Domain.Audit;
using Workflow.Domain.Ports;
using Workflow.Orchestrations;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Reprocessing;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>Leads start batch operations over a study and follow them.</summary>
public sealed class ReprocessHandlers(StudyRepository studies, CodebookRepository codebooks, IAuditTrail audit, IOptions<PipelineOptions> options)
{
    public async Task<IResult> StartAsync(ApiCall call)
    {
        var (studyId, ct) = (call.Route("studyId"), call.Cancellation);
        if (await studies.GetAsync(studyId, ct) is null) return StudyHandlers.UnknownStudy(studyId);
        var operation = ReprocessOperation.Recode;
        if (call.Request.ContentLength is > 0)
        {
            var (body, problem) = await RequestBodies.ReadJsonAsync<ReprocessRequest>(call.Request, ct);
            if (problem is not null) return problem;
            operation = body!.Operation ?? operation;
        }
        if (operation == ReprocessOperation.Recode && await codebooks.GetCurrentAsync(studyId, ct) is null)
            return Problems.Conflict($"Study '{studyId}' has no codebook to re-code against.");

        var operationId = $"reprocess-{studyId}-{Guid.NewGuid():N}";
        await call.Durable.ScheduleNewOrchestrationInstanceAsync(nameof(ReprocessStudyOrchestrator),
            new ReprocessInput(studyId, operation, call.Caller.UserId, options.Value.VerificationRecheck),
            new StartOrchestrationOptions(InstanceId: operationId), ct);
        await audit.AppendAsync(studyId, AuditEntries.For(call, AuditAction.ReprocessStarted, operationId, ("operation", operation)), ct);
        var url = ApiRoutes.ReprocessUrl(studyId, operationId);
        return TypedResults.Accepted(url, new ReprocessAcceptedResponse(operationId, operation, url));
    }

    public async Task<IResult> StatusAsync(ApiCall call)
    {
        var (studyId, operationId, ct) = (call.Route("studyId"), call.Route("operationId"), call.Cancellation);
        if (!operationId.StartsWith($"reprocess-{studyId}-", StringComparison.Ordinal)) return Problems.NotFound($"There is no operation '{operationId}' in study '{studyId}'.");
        var instance = await call.Durable.GetInstanceAsync(operationId, getInputsAndOutputs: true, ct);
        if (instance is null) return Problems.NotFound($"There is no operation '{operationId}'.");
        return TypedResults.Ok(new ReprocessStatusResponse(operationId, instance.RuntimeStatus.ToString(), instance.SerializedCustomStatus,
            instance.IsCompleted ? instance.ReadOutputAs<ReprocessOutcome>() : null, instance.CreatedAt, instance.LastUpdatedAt));
    }
}
