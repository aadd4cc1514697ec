using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Workflow.Storage.Configuration;

namespace Workflow.LocalHost.Durable;

/// <summary>
/// Runs the Durable Task gRPC sidecar in-process on loopback, backed by the Azure Storage provider,
/// so the standard Durable Task worker and client run the orchestrations durably on Azurite: kill
/// the runner and restart it, and every orchestration carries on from its last checkpoint.
/// Started before the worker (hosted services start in registration order).
/// </summary>
public sealed class DurableSidecar(LocalDurableOptions options, string connectionString, ILoggerFactory loggers) : IHostedService
{
    private WebApplication? _sidecar;

    public string Address => $"http://127.0.0.1:{options.SidecarPort}";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            TaskHubName = options.TaskHubName,
            PartitionCount = 1,
            WorkerId = options.WorkerId,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            WorkItemQueueVisibilityTimeout = options.WorkItemVisibility,
            ControlQueueVisibilityTimeout = options.ControlQueueVisibility ?? options.WorkItemVisibility,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            LoggerFactory = loggers,
        });
        await service.CreateIfNotExistsAsync();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.WebHost.ConfigureKestrel(k => k.ListenLocalhost(options.SidecarPort, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        var backend = new SidecarStorageCompatibility(service, options.WorkItemVisibility);
        builder.Services.AddSingleton<IOrchestrationService>(backend);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(backend);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        _sidecar = builder.Build();
        _sidecar.MapGrpcService<TaskHubGrpcServer>();
        await _sidecar.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_sidecar is null) return;
        await _sidecar.StopAsync(cancellationToken);
        await _sidecar.DisposeAsync();
    }

    /// <summary>The connection string of the task hub's storage (<c>Storage:Durable</c>, else the de-identified account).</summary>
    public static string ConnectionStringFrom(IConfiguration configuration) =>
        StorageAccountOptions.From(configuration, "Storage:Durable").ConnectionString
        ?? StorageAccountOptions.From(configuration, WorkflowStorageOptions.DeidentifiedConnection).ConnectionString
        ?? throw new InvalidOperationException("The local runner needs Storage:Durable (or Storage:Deidentified) as a connection string, e.g. UseDevelopmentStorage=true.");
}
