using Microsoft.AspNetCore.Http;
using Workflow.Api.Contracts;

namespace Workflow.Api.Handlers;

/// <summary>Liveness probe; anonymous and content-free.</summary>
public static class HealthHandler
{
    public static IResult Get() => TypedResults.Ok(new HealthResponse("ok"));
}
