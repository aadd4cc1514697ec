using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Workflow.Api;
using Workflow.Api.Handlers;

namespace Workflow.Functions.Http;

/// <summary>Verification queue endpoints.</summary>
public sealed class QueueFunctions(QueueHandlers handlers)
{
    [Function("ClaimQueueItem")]
    public Task<IActionResult> Claim(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.QueueClaim)] HttpRequest request, string studyId, CancellationToken ct) =>
        ResultExecution.ExecuteAsync(request, handlers.ClaimAsync(request, studyId, ct));

    [Function("DecideQueueItem")]
    public Task<IActionResult> Decide(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.QueueDecision)] HttpRequest request, string itemId,
        [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        ResultExecution.ExecuteAsync(request, handlers.DecideAsync(request, itemId, client, ct));
}
