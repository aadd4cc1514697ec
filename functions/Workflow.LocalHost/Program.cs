using Workflow.Api;
using Workflow.Engines.Local;
using Workflow.LocalHost;
using Workflow.LocalHost.Durable;
using Workflow.Orchestrations;
using Workflow.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
builder.Services.AddHostedService<StartupChecks>();
builder.Services
    .AddWorkflowStorage(builder.Configuration)
    .AddWorkflowOrchestrations(builder.Configuration)
    .AddWorkflowEngines(builder.Configuration)
    .AddWorkflowApi(builder.Configuration)
    .AddLocalDurableBackend(builder.Configuration);
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null); // the upload reader enforces Pipeline:MaxUploadBytes

var app = builder.Build();
app.MapWorkflowApi();
app.Run();

/// <summary>Exposed for tests that start the runner in-process.</summary>
public partial class Program;
