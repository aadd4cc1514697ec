using Microsoft.AspNetCore.Http;
using Workflow.Api.Contracts;
using Workflow.Api.Endpoints;
using Workflow.Domain.Audit;
using Workflow.Domain.Ports;
using Workflow.Domain.Studies;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>A lead sets how the study's proposals are verified: the share of segments coded twice, independently.</summary>
public sealed class VerificationSettingsHandler(StudyRepository studies, IAuditTrail audit)
{
    public async Task<IResult> GetAsync(ApiCall call)
    {
        var (studyId, ct) = (call.Route("studyId"), call.Cancellation);
        return await studies.GetAsync(studyId, ct) is { } study
            ? TypedResults.Ok(new StudyVerificationResponse(studyId, study.VerificationSettings))
            : StudyHandlers.UnknownStudy(studyId);
    }

    public async Task<IResult> PutAsync(ApiCall call)
    {
        var (studyId, ct) = (call.Route("studyId"), call.Cancellation);
        if (await studies.GetAsync(studyId, ct) is null) return StudyHandlers.UnknownStudy(studyId);
        var (settings, problem) = await RequestBodies.ReadJsonAsync<StudyVerificationSettings>(call.Request, ct);
        if (problem is not null) return problem;
        if (settings!.Problems() is { Count: > 0 } errors) return Problems.Validation(errors, "doubleCodingShare");
        var updated = await studies.UpdateAsync(studyId, s => s with { Verification = settings }, ct);
        if (updated is null) return StudyHandlers.UnknownStudy(studyId);
        await audit.AppendAsync(studyId, AuditEntries.For(call, AuditAction.StudyVerificationChanged, studyId, ("doubleCodingShare", settings.DoubleCodingShare)), ct);
        return TypedResults.Ok(new StudyVerificationResponse(studyId, updated.VerificationSettings));
    }
}
