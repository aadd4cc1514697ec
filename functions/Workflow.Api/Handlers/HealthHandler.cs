using Microsoft.AspNetCore.Http;

namespace Workflow.Api.Handlers;

/// <summary>Liveness probe; anonymous and content-free.</summary>
public static class HealthHandler
{
    public static IResult Get() => TypedResults.Ok(new { status = "ok" });
}
