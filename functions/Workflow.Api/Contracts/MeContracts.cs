namespace Workflow.Api.Contracts;

/// <summary>
/// Response of <c>GET /api/me</c>: the caller, their roles, the host's authentication mode
/// (<c>Development</c> honours X-Dev-User / X-Dev-Roles; <c>EasyAuth</c> trusts App Service sign-in
/// only) and the roles the workflow knows.
/// </summary>
public sealed record MeResponse(string UserId, IReadOnlyList<string> Roles, string AuthMode, IReadOnlyList<string> KnownRoles);
