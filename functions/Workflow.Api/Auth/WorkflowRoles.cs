namespace Workflow.Api.Auth;

/// <summary>The roles of the workflow's users.</summary>
public static class WorkflowRoles
{
    /// <summary>Uploads recordings and follows their progress.</summary>
    public const string Interviewer = "Interviewer";

    /// <summary>Works the verification queue.</summary>
    public const string Coder = "Coder";

    /// <summary>Manages codebooks and identifier lists, runs batches and exports.</summary>
    public const string Lead = "Lead";

    public static readonly string[] All = [Interviewer, Coder, Lead];
}
