using Workflow.Domain.Studies;

namespace Workflow.Api.Auth;

/// <summary>
/// The roles of the workflow's users. Interviewer, coder and lead are held per study (the
/// <c>StudyMembers</c> table); administrator is an identity role (an Entra app role, or a development
/// role locally) that spans studies but gives no access to a study's material by itself.
/// </summary>
public static class WorkflowRoles
{
    /// <summary>Uploads recordings and follows their progress.</summary>
    public const string Interviewer = StudyRoles.Interviewer;

    /// <summary>Works the verification queue.</summary>
    public const string Coder = StudyRoles.Coder;

    /// <summary>Manages codebooks and identifier lists, runs batches and exports, manages the study's team.</summary>
    public const string Lead = StudyRoles.Lead;

    /// <summary>Creates studies and assigns their leads; sees every study's name and team, not its material.</summary>
    public const string Admin = "Admin";

    /// <summary>The study roles.</summary>
    public static readonly string[] All = [Interviewer, Coder, Lead];
}
