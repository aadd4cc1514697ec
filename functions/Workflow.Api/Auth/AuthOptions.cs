namespace Workflow.Api.Auth;

/// <summary>
/// How callers are identified (configuration section <c>Auth</c>). <c>EasyAuth</c> (the default) reads
/// the principal App Service authentication puts in <c>X-MS-CLIENT-PRINCIPAL</c>, so the app fails
/// closed when deployed. <c>Development</c> trusts a local principal and is for a developer's machine only.
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    public string Mode { get; set; } = "EasyAuth";

    /// <summary>The user id of the development principal.</summary>
    public string DevelopmentUser { get; set; } = "local-developer";

    /// <summary>
    /// The identity roles of the development principal (administrator by default, so a developer can
    /// create a study and becomes its lead). Roles in a study come from its membership, as in Azure.
    /// </summary>
    public string[] DevelopmentRoles { get; set; } = [WorkflowRoles.Admin];
}
