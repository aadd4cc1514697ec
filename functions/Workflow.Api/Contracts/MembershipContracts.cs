namespace Workflow.Api.Contracts;

/// <summary>Body of <c>PUT /api/studies/{studyId}/members/{userId}</c>: the user's roles in the study (replacing any they had).</summary>
public sealed record MemberRequest(IReadOnlyList<string?>? Roles);

/// <summary>A member of a study as the API shows it.</summary>
public sealed record MemberView(string UserId, IReadOnlyList<string> Roles, string ChangedBy, DateTimeOffset ChangedAt);

/// <summary>Response of <c>GET /api/studies/{studyId}/members</c>.</summary>
public sealed record MembersResponse(string StudyId, IReadOnlyList<MemberView> Members);

/// <summary>A study the caller can see, with their roles in it (empty for an administrator who is not a member).</summary>
public sealed record StudySummary(string Id, string Name, IReadOnlyList<string> Roles);

/// <summary>Response of <c>GET /api/studies</c>.</summary>
public sealed record StudiesResponse(IReadOnlyList<StudySummary> Studies);
