namespace Workflow.Api.Endpoints;

/// <summary>
/// One route of the HTTP API, declared once: its name (the Functions function name too), method,
/// template relative to <c>/api</c>, the roles allowed to call it, and the handler. Anonymous
/// endpoints must say so; an endpoint with no roles and no such flag cannot be built.
/// </summary>
public sealed record ApiEndpoint
{
    public ApiEndpoint(string name, string method, string route, IReadOnlyList<string> roles, Func<IServiceProvider, ApiCall, Task<Microsoft.AspNetCore.Http.IResult>> handler, bool anonymous = false)
    {
        if (!anonymous && roles.Count == 0) throw new ArgumentException($"Endpoint {name} needs at least one role or must be declared anonymous.", nameof(roles));
        Name = name;
        Method = method;
        Route = route;
        Roles = roles;
        Handler = handler;
        Anonymous = anonymous;
    }

    public string Name { get; }

    public string Method { get; }

    public string Route { get; }

    public IReadOnlyList<string> Roles { get; }

    public bool Anonymous { get; }

    public Func<IServiceProvider, ApiCall, Task<Microsoft.AspNetCore.Http.IResult>> Handler { get; }

    /// <summary>The names of the template's route parameters, e.g. <c>studyId</c>.</summary>
    public IEnumerable<string> RouteParameters =>
        Route.Split('/').Where(p => p.StartsWith('{') && p.EndsWith('}')).Select(p => p[1..^1]);
}
