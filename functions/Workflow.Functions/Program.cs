using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Workflow.Engines.Azure;
using Workflow.Engines.Local;
using Workflow.Engines.Semantic;
using Workflow.Engines.Whisper;
using Workflow.Functions.Http;
using Workflow.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// Unhandled errors in HTTP functions answer with problem details, as on the local runner.
builder.UseMiddleware<ProblemDetailsMiddleware>();
builder.Services
    .AddLocalEngines(builder.Configuration)
    .AddSemanticEngines(builder.Configuration)
    .AddWhisperEngine(builder.Configuration)
    .AddAzureEngines(builder.Configuration)
    .AddWorkflow(builder.Configuration, WorkflowHostKind.Functions);
builder.Build().Run();
