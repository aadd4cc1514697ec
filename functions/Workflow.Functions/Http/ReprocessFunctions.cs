using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Workflow.Api;
using Workflow.Api.Handlers;

namespace Workflow.Functions.Http;

/// <summary>Batch reprocessing endpoints.</summary>
public sealed class ReprocessFunctions(ReprocessHandlers handlers)
{
    [Function("StartReprocess")]
    public Task<IActionResult> Start(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Reprocess)] HttpRequest request, string studyId,
        [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        ResultExecution.ExecuteAsync(request, handlers.StartAsync(request, studyId, client, ct));

    [Function("GetReprocessStatus")]
    public Task<IActionResult> Status(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ReprocessStatus)] HttpRequest request, string studyId, string operationId,
        [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        ResultExecution.ExecuteAsync(request, handlers.StatusAsync(request, studyId, operationId, client, ct));
}
