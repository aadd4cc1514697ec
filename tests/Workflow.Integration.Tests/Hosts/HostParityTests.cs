using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Workflow.Api;
using Workflow.Api.Endpoints;
using Workflow.Integration.Tests.Infrastructure;
using Workflow.LocalHost;
using Workflow.Orchestrations;
using Workflow.Storage.Configuration;

namespace Workflow.Integration.Tests.Hosts;

/// <summary>
/// The two hosts must not drift apart: the Functions app's generated function metadata (what Azure
/// would run) must declare every HTTP route the local runner serves, the same orchestrator and
/// activity wrappers the runner registers, and the triggers and settings the design relies on.
/// </summary>
public class HostParityTests
{
    private static readonly Lazy<JsonElement[]> Functions = new(() =>
        JsonDocument.Parse(File.ReadAllText(RepositoryPaths.FunctionsMetadata)).RootElement.EnumerateArray().ToArray());

    private static IEnumerable<(string Name, JsonElement Binding)> Triggers() =>
        Functions.Value.SelectMany(f => f.GetProperty("bindings").EnumerateArray()
            .Where(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal))
            .Select(b => (f.GetProperty("name").GetString()!, b)));

    private static HashSet<string> TriggerNames(string type) =>
        Triggers().Where(t => t.Binding.GetProperty("type").GetString() == type).Select(t => t.Name).ToHashSet();

    [Fact]
    public void HttpFunctions_AreTheEndpointTable_NameMethodAndRoute()
    {
        var functions = Triggers()
            .Where(t => t.Binding.GetProperty("type").GetString() == "httpTrigger")
            .SelectMany(t => t.Binding.GetProperty("methods").EnumerateArray()
                .Select(m => $"{t.Name} {m.GetString()!.ToUpperInvariant()} {t.Binding.GetProperty("route").GetString()}"))
            .Order();
        var table = ApiEndpointTable.All.Select(e => $"{e.Name} {e.Method} {e.Route}").Order();
        Assert.Equal(table, functions);
    }

    [Fact]
    public void LocalRunner_MapsTheEndpointTable_NameMethodAndRoute()
    {
        var app = LocalRunner.Build(["--Storage:Identifiable=UseDevelopmentStorage=true", "--Storage:Deidentified=UseDevelopmentStorage=true"]);
        var local = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => $"{e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName} {m} {e.RoutePattern.RawText!.TrimStart('/')[(ApiRoutes.Prefix.Length + 1)..]}"))
            .Order();
        var table = ApiEndpointTable.All.Select(e => $"{e.Name} {e.Method} {e.Route}").Order();
        Assert.Equal(table, local);
    }

    [Fact]
    public void OrchestratorsAndActivities_HaveAFunctionWrapperEach()
    {
        Assert.Equal(WorkflowTasks.Orchestrators.Select(t => t.Name).Order(), TriggerNames("orchestrationTrigger").Order());
        Assert.Equal(WorkflowTasks.Activities.Select(t => t.Name).Order(), TriggerNames("activityTrigger").Order());
    }

    [Fact]
    public void BlobTrigger_WatchesTheUploadsContainerOnTheIdentifiableConnection()
    {
        var (_, blob) = Assert.Single(Triggers(), t => t.Binding.GetProperty("type").GetString() == "blobTrigger");
        Assert.Equal($"{StorageNames.IncomingUploads}/{{studyId}}/{{name}}", blob.GetProperty("path").GetString());
        Assert.Equal(WorkflowStorageOptions.IdentifiableConnection, blob.GetProperty("connection").GetString());
    }

    [Fact]
    public void HostJson_HasTheSettingsTheDesignRelies_OnWhereTheHostReadsThem()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "functions", "Workflow.Functions", "host.json")));
        var root = hostJson.RootElement;
        Assert.Equal("2.0", root.GetProperty("version").GetString());
        var extensions = root.GetProperty("extensions");
        Assert.Equal(ApiRoutes.Prefix, extensions.GetProperty("http").GetProperty("routePrefix").GetString());
        var durable = extensions.GetProperty("durableTask");
        Assert.Equal("AzureStorage", durable.GetProperty("storageProvider").GetProperty("type").GetString());
        Assert.Equal("Storage:Durable", durable.GetProperty("storageProvider").GetProperty("connectionName").GetString());
        // Orchestration payloads are ids and counts, but tracing them is still off by policy.
        Assert.False(durable.GetProperty("tracing").GetProperty("traceInputsAndOutputs").GetBoolean());
        // The engines run their own parallel work (PocketSphinx chunks): activities are capped per instance, as on the runner.
        Assert.InRange(durable.GetProperty("maxConcurrentActivityFunctions").GetInt32(), 1, 8);
    }

    [Fact]
    public void LocalSettingsSample_NamesEveryConnectionTheFunctionsAppUses()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "local.settings.sample.json")));
        var values = sample.RootElement.GetProperty("Values");
        foreach (var name in new[] { "AzureWebJobsStorage", "FUNCTIONS_WORKER_RUNTIME", "TaskHubName", WorkflowStorageOptions.IdentifiableConnection, WorkflowStorageOptions.DeidentifiedConnection, "Storage:Durable" })
            Assert.True(values.TryGetProperty(name, out _), $"local.settings.sample.json lacks {name}");
        Assert.Equal("dotnet-isolated", values.GetProperty("FUNCTIONS_WORKER_RUNTIME").GetString());
    }
}
