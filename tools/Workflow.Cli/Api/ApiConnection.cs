namespace Workflow.Cli.Api;

/// <summary>
/// Where the host is and who the caller is. In development mode the local runner honours
/// <c>X-Dev-User</c>/<c>X-Dev-Roles</c>; on Azure, App Service authentication takes a bearer token.
/// </summary>
internal sealed record ApiConnection(Uri BaseAddress, string? User, string? Roles, string? BearerToken)
{
    public const string DefaultApi = "http://127.0.0.1:7071/api";

    /// <summary>From the options, falling back to WORKFLOW_API, WORKFLOW_USER, WORKFLOW_ROLES and WORKFLOW_TOKEN.</summary>
    public static ApiConnection From(Func<string, string?> option, Func<string, string?> environment)
    {
        string? Pick(string name, string variable) => option(name) ?? (environment(variable) is { Length: > 0 } v ? v : null);
        var api = Pick("--api", "WORKFLOW_API") ?? DefaultApi;
        if (!Uri.TryCreate(api.EndsWith('/') ? api : api + "/", UriKind.Absolute, out var baseAddress) || baseAddress.Scheme is not ("http" or "https"))
            throw new UsageException($"--api must be an http or https URL such as {DefaultApi}.");
        return new ApiConnection(baseAddress, Pick("--user", "WORKFLOW_USER"), Pick("--roles", "WORKFLOW_ROLES"), Pick("--bearer", "WORKFLOW_TOKEN"));
    }

    /// <summary>Options every command that talks to a host takes.</summary>
    public static readonly string[] Options = ["--api", "--user", "--roles", "--bearer"];
}
