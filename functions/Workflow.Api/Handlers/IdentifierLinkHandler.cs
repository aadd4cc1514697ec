using Microsoft.AspNetCore.Http;
using Workflow.Api.Contracts;
using Workflow.Api.Endpoints;
using Workflow.Domain.Audit;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Ports;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>
/// <c>POST /api/studies/{studyId}/identifiers/links</c> (lead): several ways of naming one entity are
/// linked (<see cref="IdentifierLinking"/>). The study list gets a new version, the entity keeps one
/// pseudonym in the registry, and the de-identification batch every list change starts re-labels the
/// recordings already processed. The texts are identifiable: they are neither echoed nor audited.
/// </summary>
public sealed class IdentifierLinkHandler(
    StudyRepository studies,
    IdentifierListRepository identifierLists,
    PseudonymRegistryRepository pseudonyms,
    IdentifierListReprocessor reprocessor,
    IAuditTrail audit)
{
    public async Task<IResult> LinkAsync(ApiCall call)
    {
        var (studyId, ct) = (call.Route("studyId"), call.Cancellation);
        if (await studies.GetAsync(studyId, ct) is not { } study) return StudyHandlers.UnknownStudy(studyId);
        var (body, problem) = await RequestBodies.ReadJsonAsync<IdentifierLinkRequest>(call.Request, ct);
        if (problem is not null) return problem;
        var errors = IdentifierLinking.Validate(body!.Texts).ToList();
        if (body.Kind is not { } given || !Enum.IsDefined(given)) errors.Add($"kind is required: {string.Join(", ", Enum.GetNames<IdentifierKind>())}.");
        if (errors.Count > 0) return Problems.Validation(errors, "texts");
        var kind = body.Kind!.Value;
        var texts = body.Texts!.Select(t => t!.Trim()).ToList();

        IdentifierLinking.Result? outcome = null;
        var list = await identifierLists.UpdateAsync(studyId, (current, version) =>
        {
            // Called again if another writer took the version first: the last call is the one stored.
            outcome = IdentifierLinking.Link(current, texts, kind, version);
            return outcome.List;
        }, ct);
        if (outcome!.Problem is { } conflict) return Problems.Conflict(conflict);

        // The entity's pseudonym: its own, or the first linked text's (labels never move once given).
        var entity = outcome.Entity!;
        var label = await pseudonyms.UpdateAsync(studyId,
            registry => registry.Link(kind, IdentifierLinking.EntityKeyOf(entity), IdentifierLinking.LabelSources(outcome, texts)), ct);
        var changed = outcome.List is not null;
        await audit.AppendAsync(studyId, AuditEntries.For(call, AuditAction.IdentifiersLinked, studyId,
            ("kind", kind), ("texts", texts.Count), ("merged", outcome.Absorbed.Count), ("identifierListVersion", list.Version), ("changed", changed)), ct);
        var reprocess = changed ? await reprocessor.AfterChangeAsync(call, study, list.Version) : null;
        return TypedResults.Ok(new IdentifierLinkResponse(studyId, kind, list.Version, changed, entity.Aliases.Count + 1, outcome.Absorbed.Count, label, reprocess));
    }
}
