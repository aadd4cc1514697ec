namespace Workflow.Api.Contracts;

/// <summary>
/// Response of <c>GET /api/me</c>: the caller, their identity roles (administrator), their roles in
/// each study they belong to, the host's authentication mode (<c>Development</c> honours X-Dev-User /
/// X-Dev-Roles; <c>EasyAuth</c> trusts App Service sign-in only) and the study roles the workflow knows.
/// </summary>
public sealed record MeResponse(string UserId, IReadOnlyList<string> Roles, string AuthMode, IReadOnlyList<string> KnownRoles, IReadOnlyList<StudyMembershipView> Studies);

/// <summary>The caller's roles in one study.</summary>
public sealed record StudyMembershipView(string StudyId, IReadOnlyList<string> Roles);
