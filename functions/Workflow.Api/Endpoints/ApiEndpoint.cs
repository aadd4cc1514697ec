namespace Workflow.Api.Endpoints;

/// <summary>Who may call an endpoint at all, before any study is looked at.</summary>
public enum ApiAccess
{
    /// <summary>Callers holding one of the endpoint's roles: in the study the route names, or (for a route outside any study) as an identity role.</summary>
    Roles,

    /// <summary>Any signed-in caller (what they see is still limited to their studies).</summary>
    SignedIn,

    /// <summary>No sign-in: health and the web app's static files.</summary>
    Anonymous,
}

/// <summary>How the study an endpoint acts on is found from its route, so membership can be checked before the handler runs.</summary>
public enum StudyScope
{
    /// <summary>The route names no study resource: roles are identity roles (administrator).</summary>
    None,

    /// <summary><c>{studyId}</c> in the route.</summary>
    Study,

    /// <summary><c>{recordingId}</c>: the study is the recording's.</summary>
    Recording,

    /// <summary><c>{itemId}</c>: the study is the queue item's.</summary>
    QueueItem,
}

/// <summary>
/// One route of the HTTP API, declared once: its name (the Functions function name too), method,
/// template relative to <c>/api</c>, the roles allowed to call it, and the handler. The study it acts
/// on is inferred from the template's parameters, so a study route cannot forget its membership
/// check. Anonymous endpoints must say so; an endpoint with no roles and no such flag cannot be built.
/// </summary>
public sealed record ApiEndpoint
{
    public ApiEndpoint(string name, string method, string route, IReadOnlyList<string> roles, Func<IServiceProvider, ApiCall, Task<Microsoft.AspNetCore.Http.IResult>> handler, ApiAccess access = ApiAccess.Roles)
    {
        if (access == ApiAccess.Roles && roles.Count == 0) throw new ArgumentException($"Endpoint {name} needs at least one role or must be declared signed-in or anonymous.", nameof(roles));
        Name = name;
        Method = method;
        Route = route;
        Roles = roles;
        Handler = handler;
        Access = access;
        var parameters = RouteParameters.ToHashSet();
        Scope = parameters.Contains("studyId") ? StudyScope.Study
            : parameters.Contains("recordingId") ? StudyScope.Recording
            : parameters.Contains("itemId") ? StudyScope.QueueItem
            : StudyScope.None;
        if (Scope != StudyScope.None && access != ApiAccess.Roles)
            throw new ArgumentException($"Endpoint {name} acts on a study's resources, so it must name the study roles allowed.", nameof(access));
    }

    public string Name { get; }

    public string Method { get; }

    public string Route { get; }

    public IReadOnlyList<string> Roles { get; }

    public ApiAccess Access { get; }

    public StudyScope Scope { get; }

    public bool Anonymous => Access == ApiAccess.Anonymous;

    public Func<IServiceProvider, ApiCall, Task<Microsoft.AspNetCore.Http.IResult>> Handler { get; }

    /// <summary>The names of the template's route parameters, e.g. <c>studyId</c>.</summary>
    public IEnumerable<string> RouteParameters =>
        Route.Split('/').Where(p => p.StartsWith('{') && p.EndsWith('}')).Select(p => p[1..^1].TrimStart('*'));
}
