using Workflow.Engines.Azure;
using Workflow.Engines.Local;
using Workflow.Engines.Semantic;
using Workflow.Engines.Whisper;
using Workflow.Hosting;
using Workflow.LocalHost.Durable;

namespace Workflow.LocalHost;

/// <summary>The local runner's composition, shared by Program and the tests that inspect it.</summary>
public static class LocalRunner
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        // Every registration must resolve before the runner serves anything, in every environment.
        builder.Host.UseDefaultServiceProvider(o => (o.ValidateOnBuild, o.ValidateScopes) = (true, true));
        // Unknown routes and unhandled errors answer with problem details too, without internals.
        builder.Services.AddProblemDetails();
        builder.Services
            .AddLocalEngines(builder.Configuration)
            .AddSemanticEngines(builder.Configuration)
            .AddWhisperEngine(builder.Configuration)
            .AddAzureEngines(builder.Configuration)
            .AddWorkflow(builder.Configuration, WorkflowHostKind.LocalRunner)
            .AddLocalDurableBackend(builder.Configuration);
        builder.Services.AddHostedService<DroppedUploadPoller>();
        builder.Services.AddHostedService<RetentionSweepService>();
        builder.Services.AddHostedService<LearningRetrainingService>();
        // No server-wide body limit: the upload reader enforces Pipeline:MaxUploadBytes while streaming.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapWorkflowApi();
        return app;
    }
}
