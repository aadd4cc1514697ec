namespace Workflow.Domain.Studies;

/// <summary>A user's roles in one study, and who last changed them.</summary>
public sealed record StudyMember(string StudyId, string UserId, IReadOnlyList<string> Roles, string ChangedBy, DateTimeOffset ChangedAt)
{
    public bool Has(string role) => Roles.Contains(role, StringComparer.OrdinalIgnoreCase);
}
