using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workflow.Api;
using Workflow.Composition;
using Workflow.Domain.Ports;
using Workflow.Orchestrations;
using Workflow.Storage;

namespace Workflow.Hosting;

/// <summary>The workflow's services, registered the same way by both hosts.</summary>
public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// Registers storage, orchestration services, the engine selection, the HTTP API, the work area
    /// and the start-up work. Call it after the adapters' registrations (e.g. <c>AddLocalEngines</c>),
    /// so that an engine configured but not offered stops start-up here.
    /// </summary>
    public static IServiceCollection AddWorkflow(this IServiceCollection services, IConfiguration configuration, WorkflowHostKind host) =>
        services.AddWorkflow(configuration, host, Environment.GetEnvironmentVariable);

    internal static IServiceCollection AddWorkflow(this IServiceCollection services, IConfiguration configuration, WorkflowHostKind host, Func<string, string?> environment)
    {
        var problems = HostConfigurationCheck.Problems(configuration, host, environment);
        if (problems.Count > 0) throw new InvalidOperationException("The configuration is not usable: " + string.Join(" ", problems));

        services
            .AddWorkflowStorage(configuration)
            .AddWorkflowOrchestrations(configuration)
            .AddEngineSelection(configuration)
            .AddWorkflowApi(configuration);
        services.AddSingleton<IWorkArea>(sp => new WorkArea(sp.GetRequiredService<IOptions<PipelineOptions>>().Value.WorkDirectory));
        services.AddHostedService<WorkflowStartup>();
        return services;
    }
}
