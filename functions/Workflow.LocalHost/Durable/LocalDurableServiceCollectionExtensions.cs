using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Workflow.Orchestrations;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Deletion;

namespace Workflow.LocalHost.Durable;

/// <summary>Wires the sidecar, the Durable Task worker (all workflow tasks) and the client.</summary>
public static class LocalDurableServiceCollectionExtensions
{
    public static IServiceCollection AddLocalDurableBackend(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(LocalDurableOptions.SectionName).Get<LocalDurableOptions>() ?? new LocalDurableOptions();
        return services.AddLocalDurableBackend(options, DurableSidecar.ConnectionStringFrom(configuration), registry => registry.AddWorkflowTasks());
    }

    /// <summary>The same wiring with explicit tasks (tests register stand-ins next to real orchestrators).</summary>
    public static IServiceCollection AddLocalDurableBackend(this IServiceCollection services, LocalDurableOptions options, string connectionString, Action<DurableTaskRegistry> tasks)
    {
        if (options.SidecarPort == 0) options.SidecarPort = FreeLoopbackPort();

        services.AddSingleton(options);
        services.AddSingleton(sp => new DurableSidecar(options, connectionString, sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService(sp => sp.GetRequiredService<DurableSidecar>());

        var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{options.SidecarPort}");
        services.AddDurableTaskWorker(builder =>
        {
            builder.AddTasks(tasks);
            builder.UseGrpc(channel);
            builder.Configure(o => o.Concurrency.MaximumConcurrentActivityWorkItems = options.MaxConcurrentActivities);
        });
        services.AddDurableTaskClient(builder =>
        {
            builder.UseGrpc(channel);
            builder.RegisterDirectly();
        });
        // Activities that start orchestrations nobody waits for use the runner's own client.
        services.AddSingleton<IOrchestrationStarter>(sp => new DurableClientOrchestrationStarter(sp.GetRequiredService<DurableTaskClient>()));
        services.AddSingleton<IRecordingInstances>(sp => new DurableRecordingInstances(sp.GetRequiredService<DurableTaskClient>()));
        return services;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
