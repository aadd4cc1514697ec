using Microsoft.AspNetCore.Http;
using Workflow.Api.Auth;
using Workflow.Api.Contracts;
using Workflow.Api.Endpoints;

namespace Workflow.Api.Handlers;

/// <summary>
/// Who the caller is and how this host identifies callers, so the web app can show the user and,
/// only in Development mode, offer to act as another user (the X-Dev-User / X-Dev-Roles headers).
/// </summary>
public sealed class MeHandler(AuthOptions auth)
{
    public Task<IResult> GetAsync(ApiCall call)
    {
        var development = auth.Mode.Equals("Development", StringComparison.OrdinalIgnoreCase);
        var caller = call.Caller;
        return Task.FromResult<IResult>(TypedResults.Ok(new MeResponse(
            caller.UserId,
            [.. caller.Roles.Order(StringComparer.Ordinal)],
            development ? "Development" : "EasyAuth",
            WorkflowRoles.All)));
    }
}
