using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Deletion;
using Workflow.Orchestrations.Retention;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Workflow.Api.Endpoints;
using Workflow.Api.Handlers;
using Workflow.Engines.Azure;
using Workflow.Engines.Local;
using Workflow.Hosting;
using Workflow.Orchestrations;

namespace Workflow.Composition.Tests;

/// <summary>
/// The Functions app registers exactly <c>AddLocalEngines</c> then <c>AddWorkflow(..., Functions)</c>
/// (see its Program.cs); this builds that container with validation on, so a registration that cannot
/// resolve fails here rather than on the first request in Azure. The local runner's container is
/// validated on every build (LocalRunner) and built by the host parity tests.
/// </summary>
public class HostContainerTests
{
    [Fact]
    public void TheFunctionsAppsServices_AllResolve()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Identifiable"] = "UseDevelopmentStorage=true",
            ["Storage:Deidentified"] = "UseDevelopmentStorage=true",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        // As on App Service with authentication on (the only place EasyAuth, the default, is accepted).
        services.AddLocalEngines(configuration).AddAzureEngines(configuration)
            .AddWorkflow(configuration, WorkflowHostKind.Functions, name => name == "WEBSITE_AUTH_ENABLED" ? "True" : null);
        // The Functions wrappers hand these the binding's Durable client (there is none in DI there).
        Type[] fromBinding = [typeof(StartVerificationWaitActivity), typeof(StartPendingBatchActivity), typeof(StopRecordingWorkActivity), typeof(PurgeRecordingHistoryActivity)];
        foreach (var activity in WorkflowTasks.Activities.Except(fromBinding)) services.AddTransient(activity);

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.NotNull(provider.GetRequiredService<ApiDispatcher>());
        Assert.NotNull(provider.GetRequiredService<QueueHandlers>());
        Assert.Contains(provider.GetServices<IHostedService>(), s => s is WorkflowStartup);
        foreach (var activity in WorkflowTasks.Activities.Except(fromBinding)) Assert.NotNull(provider.GetRequiredService(activity));
        Assert.NotNull(ActivatorUtilities.CreateInstance<StartVerificationWaitActivity>(provider, new DurableClientOrchestrationStarter(null!)));
        Assert.NotNull(ActivatorUtilities.CreateInstance<StartPendingBatchActivity>(provider, new DurableClientOrchestrationStarter(null!)));
        Assert.NotNull(ActivatorUtilities.CreateInstance<StopRecordingWorkActivity>(provider, new DurableRecordingInstances(null!)));
        Assert.NotNull(ActivatorUtilities.CreateInstance<PurgeRecordingHistoryActivity>(provider, new DurableRecordingInstances(null!)));
        Assert.NotNull(provider.GetRequiredService<RawAudioRetentionSweep>());
    }

    [Fact]
    public void TheFunctionsApp_RefusesTheDevelopmentPrincipal_OutsideDevelopment()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:Mode"] = "Development" }).Build();
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddLocalEngines(configuration)
            .AddWorkflow(configuration, WorkflowHostKind.Functions, name => name == "WEBSITE_AUTH_ENABLED" ? "True" : null));
        Assert.Contains("Auth:Mode=Development", error.Message);
    }
}
