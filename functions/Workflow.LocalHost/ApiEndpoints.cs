using Microsoft.DurableTask.Client;
using Workflow.Api;
using Workflow.Api.Endpoints;

namespace Workflow.LocalHost;

/// <summary>Maps every entry of the endpoint table; the dispatcher applies each entry's roles.</summary>
public static class ApiEndpoints
{
    public static void MapWorkflowApi(this WebApplication app)
    {
        var api = app.MapGroup("/" + ApiRoutes.Prefix);
        foreach (var endpoint in ApiEndpointTable.All)
        {
            var name = endpoint.Name;
            api.MapMethods(endpoint.Route, [endpoint.Method], (HttpContext context, ApiDispatcher dispatcher, DurableTaskClient durable) =>
                    dispatcher.InvokeAsync(name, context.Request, RouteValuesOf(context), durable, context.RequestAborted))
                .WithName(name);
        }
    }

    private static Dictionary<string, string> RouteValuesOf(HttpContext context) =>
        context.Request.RouteValues.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value!.ToString()!);
}
