namespace Workflow.Domain.Studies;

/// <summary>
/// The roles a user can hold in one study. They are granted per study (a coder of one study is
/// nobody in another); the only role that spans studies is the administrator's, which is an identity
/// role, not a study role.
/// </summary>
public static class StudyRoles
{
    /// <summary>Uploads recordings and follows their own recordings' progress.</summary>
    public const string Interviewer = "Interviewer";

    /// <summary>Works the study's verification queue on de-identified text.</summary>
    public const string Coder = "Coder";

    /// <summary>Manages the codebook, identifiers, reprocessing, exports, agreement, the pseudonym key and membership.</summary>
    public const string Lead = "Lead";

    public static readonly IReadOnlyList<string> All = [Interviewer, Coder, Lead];

    /// <summary>The canonical spelling of <paramref name="role"/> (case-insensitive), or null when it is not a study role.</summary>
    public static string? Canonical(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));
}
