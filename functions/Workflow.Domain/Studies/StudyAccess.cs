namespace Workflow.Domain.Studies;

/// <summary>The answer to "may this caller use this study resource?".</summary>
public enum StudyAccessOutcome
{
    Allowed,

    /// <summary>The caller belongs to the study but lacks the role: 403.</summary>
    Forbidden,

    /// <summary>The caller has nothing to do with the study: answered exactly as if it did not exist (404).</summary>
    Hidden,
}

/// <summary>
/// Decides access to a study's resources from the caller's membership. A non-member learns nothing,
/// not even that the study exists; an administrator (who lists every study anyway) is told plainly
/// that reading a study's material needs a role in it.
/// </summary>
public static class StudyAccess
{
    /// <param name="allowed">The study roles the resource admits.</param>
    /// <param name="adminAllowed">Whether an administrator may use the resource without a role in the study.</param>
    /// <param name="isAdmin">Whether the caller is an administrator.</param>
    /// <param name="member">The caller's membership of the study, or null.</param>
    public static StudyAccessOutcome Decide(IReadOnlyCollection<string> allowed, bool adminAllowed, bool isAdmin, StudyMember? member)
    {
        if (member is not null && allowed.Any(member.Has)) return StudyAccessOutcome.Allowed;
        if (isAdmin && adminAllowed) return StudyAccessOutcome.Allowed;
        return member is not null || isAdmin ? StudyAccessOutcome.Forbidden : StudyAccessOutcome.Hidden;
    }
}
