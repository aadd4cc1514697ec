using Workflow.Composition;
using Workflow.Domain.Studies;

namespace Workflow.Api.Contracts;

/// <summary>Response of <c>PUT /api/studies/{studyId}/codebook</c>: the new version and its size.</summary>
public sealed record CodebookVersionResponse(string StudyId, int Version, int Themes, int Codes);

/// <summary>Response of <c>PUT /api/studies/{studyId}/identifiers</c>. The list is identifiable, so it is never echoed.</summary>
public sealed record IdentifierListVersionResponse(string StudyId, int Version, int Count, IdentifierListReprocess? Reprocess = null);

/// <summary>The de-identification batch a list change started (or why none started); null when there was nothing to re-run.</summary>
public sealed record IdentifierListReprocess(bool Started, string? OperationId, string? StatusUrl, string? Reason, bool Queued = false);

/// <summary>Response of <c>PUT /api/studies/{studyId}/engines</c>: the study's settings as stored.</summary>
public sealed record StudyEnginesResponse(string StudyId, StudyEngineSettings Engines);

/// <summary>One engine the host offers (<c>GET /api/engines</c>).</summary>
public sealed record EngineView(string Stage, string Key, string Description, bool Cloud)
{
    public static EngineView From(EngineDescriptor d) => new(d.Stage.ToString(), d.Key, d.Description, d.IsCloud);
}

/// <summary>Response of <c>GET /api/engines</c>: what is offered and the host's defaults.</summary>
public sealed record EnginesResponse(IReadOnlyList<EngineView> Engines, EngineChoices Defaults);
