using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Workflow.Api;
using Workflow.Engines.Local;
using Workflow.Orchestrations;
using Workflow.Storage;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services
    .AddWorkflowStorage(builder.Configuration)
    .AddWorkflowOrchestrations(builder.Configuration)
    .AddWorkflowEngines(builder.Configuration)
    .AddWorkflowApi(builder.Configuration);
builder.Build().Run();
