using Microsoft.AspNetCore.Http;
using Workflow.Api.Contracts;
using Workflow.Api.Endpoints;
using Workflow.Domain.Audit;
using Workflow.Domain.Ports;
using Workflow.Domain.Studies;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>
/// A study's team: leads add interviewers and coders; administrators also make and unmake leads
/// (<see cref="MembershipRules"/>). Every change is audited. The caller's own studies are listed here too.
/// </summary>
public sealed class MembershipHandlers(StudyRepository studies, StudyMembers members, IAuditTrail audit, TimeProvider time)
{
    public async Task<IResult> ListStudiesAsync(ApiCall call)
    {
        var ct = call.Cancellation;
        var mine = (await members.ListForUserAsync(call.Caller.UserId, ct)).ToDictionary(m => m.StudyId, StringComparer.Ordinal);
        var summaries = new List<StudySummary>();
        if (call.CallerIsAdmin)
        {
            foreach (var study in await studies.ListAsync(ct))
                summaries.Add(new StudySummary(study.Id, study.Name, mine.TryGetValue(study.Id, out var m) ? m.Roles : []));
        }
        else
        {
            foreach (var member in mine.Values)
                if (await studies.GetAsync(member.StudyId, ct) is { } study)
                    summaries.Add(new StudySummary(study.Id, study.Name, member.Roles));
        }
        return TypedResults.Ok(new StudiesResponse(summaries));
    }

    public async Task<IResult> ListAsync(ApiCall call)
    {
        var (studyId, ct) = (call.Route("studyId"), call.Cancellation);
        if (await studies.GetAsync(studyId, ct) is null) return UnknownStudy(studyId);
        var list = await members.ListAsync(studyId, ct);
        return TypedResults.Ok(new MembersResponse(studyId, list.Select(View).ToList()));
    }

    public async Task<IResult> PutAsync(ApiCall call)
    {
        var (studyId, userId, ct) = (call.Route("studyId"), call.Route("userId"), call.Cancellation);
        if (MembershipRules.CheckUserId(userId) is { } badUser) return Problems.Validation([badUser]);
        var (body, problem) = await RequestBodies.ReadJsonAsync<MemberRequest>(call.Request, ct);
        if (problem is not null) return problem;
        var (roles, errors) = MembershipRules.ParseRoles(body!.Roles);
        if (errors.Count > 0) return Problems.Validation(errors);
        if (await studies.GetAsync(studyId, ct) is null) return UnknownStudy(studyId);

        var current = await members.GetAsync(studyId, userId, ct);
        if (MembershipRules.CheckChange(call.CallerIsAdmin, current?.Roles, roles) is { } refusal) return Problems.Forbidden(refusal);
        var member = new StudyMember(studyId, userId, roles, call.Caller.UserId, time.GetUtcNow());
        // Audited first: a change that is in force but not in the trail would be custody lost.
        await audit.AppendAsync(studyId, AuditEntries.For(call, AuditAction.MembershipChanged, userId, ("roles", MembershipRules.AuditValue(roles))), ct);
        await members.PutAsync(member, ct);
        return current is null
            ? TypedResults.Created($"/api/studies/{studyId}/members/{Uri.EscapeDataString(userId)}", View(member))
            : TypedResults.Ok(View(member));
    }

    public async Task<IResult> RemoveAsync(ApiCall call)
    {
        var (studyId, userId, ct) = (call.Route("studyId"), call.Route("userId"), call.Cancellation);
        var current = await members.GetAsync(studyId, userId, ct);
        if (current is null) return Problems.NotFound($"'{userId}' is not a member of study '{studyId}'.");
        if (MembershipRules.CheckChange(call.CallerIsAdmin, current.Roles, null) is { } refusal) return Problems.Forbidden(refusal);
        await audit.AppendAsync(studyId, AuditEntries.For(call, AuditAction.MembershipChanged, userId, ("roles", MembershipRules.AuditValue(null))), ct);
        await members.RemoveAsync(studyId, userId, ct);
        return TypedResults.NoContent();
    }

    private static MemberView View(StudyMember member) => new(member.UserId, member.Roles, member.ChangedBy, member.ChangedAt);

    private static IResult UnknownStudy(string studyId) => Problems.NotFound($"There is no study '{studyId}'.");
}
