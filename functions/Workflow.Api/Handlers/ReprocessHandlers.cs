using Microsoft.DurableTask;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Workflow.Api.Auth;
using Workflow.Orchestrations;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Reprocessing;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>Leads start batch operations over a study and follow them.</summary>
public sealed class ReprocessHandlers(WorkflowStores stores, Authorizer auth, IOptions<PipelineOptions> options)
{
    public async Task<IResult> StartAsync(HttpRequest request, string studyId, DurableTaskClient client, CancellationToken ct)
    {
        var (principal, denied) = auth.Require(request, WorkflowRoles.Lead);
        if (denied is not null) return denied;
        if (await stores.Studies.GetAsync(studyId, ct) is null) return StudyHandlers.UnknownStudy(studyId);
        var operation = ReprocessOperation.Recode;
        if (request.ContentLength is > 0)
        {
            var (body, problem) = await RequestBodies.ReadJsonAsync<ReprocessRequest>(request, ct);
            if (problem is not null) return problem;
            operation = body!.Operation ?? operation;
        }
        if (operation == ReprocessOperation.Recode && await stores.Codebooks.GetCurrentAsync(studyId, ct) is null)
            return Problems.Conflict($"Study '{studyId}' has no codebook to re-code against.");

        var operationId = $"reprocess-{studyId}-{Guid.NewGuid():N}";
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(ReprocessStudyOrchestrator),
            new ReprocessInput(studyId, operation, principal!.UserId, options.Value.VerificationRecheck),
            new StartOrchestrationOptions(InstanceId: operationId), ct);
        var url = ApiRoutes.ReprocessUrl(studyId, operationId);
        return TypedResults.Accepted(url, new { operationId, operation, statusUrl = url });
    }

    public async Task<IResult> StatusAsync(HttpRequest request, string studyId, string operationId, DurableTaskClient client, CancellationToken ct)
    {
        var (_, denied) = auth.Require(request, WorkflowRoles.Lead);
        if (denied is not null) return denied;
        if (!operationId.StartsWith($"reprocess-{studyId}-", StringComparison.Ordinal)) return Problems.NotFound($"There is no operation '{operationId}' in study '{studyId}'.");
        var instance = await client.GetInstanceAsync(operationId, getInputsAndOutputs: true, ct);
        if (instance is null) return Problems.NotFound($"There is no operation '{operationId}'.");
        return TypedResults.Ok(new
        {
            operationId,
            runtimeStatus = instance.RuntimeStatus.ToString(),
            progress = instance.SerializedCustomStatus,
            outcome = instance.IsCompleted ? instance.ReadOutputAs<ReprocessOutcome>() : null,
            instance.CreatedAt,
            instance.LastUpdatedAt,
        });
    }
}
