using Microsoft.AspNetCore.Http;
using Workflow.Api.Auth;
using Workflow.Api.Contracts;
using Workflow.Api.Endpoints;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>
/// Who the caller is, which studies they belong to in which roles, and how this host identifies
/// callers, so the web app can show the user and, only in Development mode, offer to act as another
/// user (the X-Dev-User / X-Dev-Roles headers).
/// </summary>
public sealed class MeHandler(AuthOptions auth, StudyMembers members)
{
    public async Task<IResult> GetAsync(ApiCall call)
    {
        var development = auth.Mode.Equals("Development", StringComparison.OrdinalIgnoreCase);
        var caller = call.Caller;
        var studies = await members.ListForUserAsync(caller.UserId, call.Cancellation);
        return TypedResults.Ok(new MeResponse(
            caller.UserId,
            [.. caller.Roles.Order(StringComparer.Ordinal)],
            development ? "Development" : "EasyAuth",
            [.. WorkflowRoles.All, WorkflowRoles.Admin],
            studies.Select(m => new StudyMembershipView(m.StudyId, m.Roles)).ToList()));
    }
}
