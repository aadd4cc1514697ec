using Workflow.Domain.Studies;

namespace Workflow.Api.Handlers;

/// <summary>
/// Body of <c>POST /api/studies</c>. The id is derived from the name when absent. <see cref="Leads"/>
/// are the user ids made the study's leads; without any, the administrator creating it becomes its lead.
/// </summary>
public sealed record CreateStudyRequest(string? Id, string? Name, IReadOnlyList<SiteRequest>? Sites, StudyEngineSettings? Engines = null, string? ParticipantIdPattern = null, IReadOnlyList<string?>? Leads = null);

/// <summary>A site in a study creation request.</summary>
public sealed record SiteRequest(string? Id, string? Name);
