using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Workflow.Orchestrations;

namespace Workflow.LocalHost.Durable;

/// <summary>Wires the sidecar, the Durable Task worker (all workflow tasks) and the client.</summary>
public static class LocalDurableServiceCollectionExtensions
{
    public static IServiceCollection AddLocalDurableBackend(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(LocalDurableOptions.SectionName).Get<LocalDurableOptions>() ?? new LocalDurableOptions();
        if (options.SidecarPort == 0) options.SidecarPort = FreeLoopbackPort();
        var connectionString = DurableSidecar.ConnectionStringFrom(configuration);

        services.AddSingleton(options);
        services.AddSingleton(sp => new DurableSidecar(options, connectionString, sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService(sp => sp.GetRequiredService<DurableSidecar>());

        var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{options.SidecarPort}");
        services.AddDurableTaskWorker(builder =>
        {
            builder.AddTasks(registry => registry.AddWorkflowTasks());
            builder.UseGrpc(channel);
            builder.Configure(o => o.Concurrency.MaximumConcurrentActivityWorkItems = options.MaxConcurrentActivities);
        });
        services.AddDurableTaskClient(builder =>
        {
            builder.UseGrpc(channel);
            builder.RegisterDirectly();
        });
        return services;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
