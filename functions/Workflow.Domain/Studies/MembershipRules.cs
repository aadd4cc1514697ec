namespace Workflow.Domain.Studies;

/// <summary>
/// Who may change whose roles in a study. Leads run their study's team (interviewers and coders);
/// making or unmaking a lead is an administrator's act, so a lead cannot hand the pseudonym key to
/// someone else, nor lock the study out by removing its last lead, without an administrator.
/// </summary>
public static class MembershipRules
{
    /// <summary>User ids longer than this are refused (Entra object ids and e-mail addresses fit easily).</summary>
    public const int MaxUserIdLength = 128;

    /// <summary>
    /// Why <paramref name="userId"/> is not a usable member id, or null when it is. Members are named
    /// by the id sign-in gives (an Entra object id or a user principal name such as an e-mail address),
    /// never by a display name: ids have no spaces, so they are safe as table keys and audit targets.
    /// </summary>
    public static string? CheckUserId(string? userId)
    {
        if (string.IsNullOrWhiteSpace(userId)) return "userId is required.";
        if (userId.Length > MaxUserIdLength) return $"userId is longer than {MaxUserIdLength} characters.";
        if (!userId.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '@' or '+' or '-' or ':' or '~'))
            return "userId must be a sign-in id (letters, digits and . _ @ + - : ~), such as an e-mail address or object id, not a display name.";
        return null;
    }

    /// <summary>Roles as one audit detail value (audit values hold no spaces or commas).</summary>
    public static string AuditValue(IReadOnlyList<string>? roles) => roles is { Count: > 0 } ? string.Join('+', roles) : "none";

    /// <summary>
    /// The canonical roles of a request, with an error for each unknown one. An empty list is an
    /// error: removing someone from a study is a deletion, not a membership without roles.
    /// </summary>
    public static (IReadOnlyList<string> Roles, IReadOnlyList<string> Errors) ParseRoles(IEnumerable<string?>? requested)
    {
        var errors = new List<string>();
        var roles = new List<string>();
        foreach (var role in requested ?? [])
        {
            if (StudyRoles.Canonical(role) is { } canonical) { if (!roles.Contains(canonical)) roles.Add(canonical); }
            else errors.Add($"'{role}' is not a study role; use {string.Join(", ", StudyRoles.All)}.");
        }
        if (roles.Count == 0 && errors.Count == 0) errors.Add("roles must name at least one study role; to remove a member, delete the membership.");
        return (roles, errors);
    }

    /// <summary>
    /// Why the actor may not change <paramref name="current"/> roles to <paramref name="proposed"/>
    /// (null = remove the member), or null when they may.
    /// </summary>
    public static string? CheckChange(bool actorIsAdmin, IReadOnlyList<string>? current, IReadOnlyList<string>? proposed)
    {
        if (actorIsAdmin) return null;
        var wasLead = current?.Contains(StudyRoles.Lead) == true;
        var willBeLead = proposed?.Contains(StudyRoles.Lead) == true;
        if (wasLead != willBeLead)
            return wasLead ? "Only an administrator can remove a lead." : "Only an administrator can make someone a lead.";
        return null;
    }
}
