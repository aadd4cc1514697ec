using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Workflow.Api;
using Workflow.Api.Handlers;

namespace Workflow.Functions.Http;

/// <summary>Liveness probe.</summary>
public sealed class HealthFunction
{
    [Function("Health")]
    public Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Health)] HttpRequest request) =>
        ResultExecution.ExecuteAsync(request, Task.FromResult(HealthHandler.Get()));
}
