using System.Globalization;
using System.Text.Json.Nodes;
using Workflow.Infra.Tests.Bicep;

namespace Workflow.Infra.Tests.HostJson;

/// <summary>
/// functions/Workflow.Functions/host.json (and infra/host.azureManaged.json, its Durable Task
/// Scheduler variant) parse, hold only keys the Functions host knows at the level it reads them (a
/// misplaced key is ignored silently), and suit every hosting plan main.bicep allows.
/// </summary>
[Collection(CompiledTemplateCollection.Name)]
public class HostJsonTests(CompiledTemplate compiled)
{
    public const string HostJsonPath = "functions/Workflow.Functions/host.json";
    public const string SchedulerVariantPath = "infra/host.azureManaged.json";

    /// <summary>Longest functionTimeout per plan (null: unbounded), from the Azure Functions hosting documentation.</summary>
    private static readonly Dictionary<string, TimeSpan?> MaximumTimeout = new(StringComparer.OrdinalIgnoreCase)
    {
        ["consumption"] = TimeSpan.FromMinutes(10),
        ["flexConsumption"] = null,
        ["premium"] = null,
        ["dedicated"] = null,
        ["containerApps"] = null,
    };

    private static readonly string[] TopLevelKeys =
        ["version", "logging", "extensions", "functionTimeout", "extensionBundle", "healthMonitor", "concurrency", "retry", "singleton", "watchDirectories", "aggregator", "managedDependency", "functions"];

    private static readonly string[] DurableTaskKeys =
        ["hubName", "storageProvider", "tracing", "maxConcurrentActivityFunctions", "maxConcurrentOrchestratorFunctions", "maxConcurrentEntityFunctions",
         "extendedSessionsEnabled", "extendedSessionIdleTimeoutInSeconds", "useGracefulShutdown", "notifications", "maxOrchestrationActions", "defaultVersion", "versionMatchStrategy", "versionFailureStrategy"];

    private static readonly string[] StorageProviderKeys =
        ["type", "connectionName", "connectionStringName", "partitionCount", "controlQueueBatchSize", "controlQueueBufferThreshold", "controlQueueVisibilityTimeout",
         "workItemQueueVisibilityTimeout", "maxQueuePollingInterval", "trackingStoreConnectionName", "useLegacyPartitionManagement", "useTablePartitionManagement", "fetchLargeMessagesAutomatically"];

    [Theory]
    [InlineData(HostJsonPath)]
    [InlineData(SchedulerVariantPath)]
    public void HostJson_HoldsOnlyKnownKeys_WhereTheHostReadsThem(string path)
    {
        var host = RepositoryFiles.ReadJson(path).AsObject();
        Assert.Equal("2.0", host["version"]?.GetValue<string>());
        Assert.Empty(host.Select(p => p.Key).Except(TopLevelKeys));
        var durable = DurableTask(host);
        Assert.Empty(durable.Select(p => p.Key).Except(DurableTaskKeys));
        Assert.Empty(durable["storageProvider"]!.AsObject().Select(p => p.Key).Except(StorageProviderKeys));
        Assert.False(durable["tracing"]?["traceInputsAndOutputs"]?.GetValue<bool>() ?? true, "orchestration inputs and outputs must not be traced (privacy)");
        Assert.Equal("api", host["extensions"]?["http"]?["routePrefix"]?.GetValue<string>());
    }

    [Fact]
    public void HostJson_UsesTheAzureStorageProvider_OnTheDurableConnection_AndTheTaskHubSetting()
    {
        var durable = DurableTask(RepositoryFiles.ReadJson(HostJsonPath).AsObject());
        Assert.Equal("%TaskHubName%", durable["hubName"]!.GetValue<string>());
        var provider = durable["storageProvider"]!;
        Assert.Equal("AzureStorage", provider["type"]!.GetValue<string>());
        Assert.Equal("Storage:Durable", provider["connectionName"]!.GetValue<string>());
        var partitions = provider["partitionCount"]!.GetValue<int>();
        Assert.InRange(partitions, 1, 16);
        // One orchestrator or activity at a time would be pointless; more activities than a few at
        // once only make each transcription (which uses every core already) slower.
        Assert.InRange(durable["maxConcurrentActivityFunctions"]!.GetValue<int>(), 1, 4);
        Assert.InRange(durable["maxConcurrentOrchestratorFunctions"]!.GetValue<int>(), 1, 100);
    }

    [Fact]
    public void SchedulerVariant_DiffersFromHostJson_OnlyInTheDurableBackend()
    {
        var main = RepositoryFiles.ReadJson(HostJsonPath).AsObject();
        var variant = RepositoryFiles.ReadJson(SchedulerVariantPath).AsObject();
        var provider = DurableTask(variant)["storageProvider"]!;
        Assert.Equal("azureManaged", provider["type"]!.GetValue<string>());
        Assert.Equal("DURABLE_TASK_SCHEDULER_CONNECTION_STRING", provider["connectionStringName"]!.GetValue<string>());
        foreach (var doc in new[] { main, variant })
        {
            DurableTask(doc).Remove("storageProvider");
            DurableTask(doc).Remove("hubName");
        }
        Assert.True(JsonNode.DeepEquals(main, variant), "infra/host.azureManaged.json has drifted from host.json beyond storageProvider and hubName");
    }

    [Fact]
    public void FunctionTimeout_IsAllowed_OnEveryPlanTheTemplateOffers()
    {
        var timeout = RepositoryFiles.ReadJson(HostJsonPath)["functionTimeout"]!.GetValue<string>();
        Assert.True(TimeSpan.TryParse(timeout, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero, $"functionTimeout '{timeout}' is not a positive hh:mm:ss");
        var plans = compiled.Template["parameters"]!["hostingPlan"]!["allowedValues"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
        Assert.NotEmpty(plans);
        foreach (var plan in plans)
        {
            Assert.True(MaximumTimeout.TryGetValue(plan, out var maximum), $"no known timeout limit for hosting plan '{plan}'");
            Assert.True(maximum is null || value <= maximum, $"functionTimeout {timeout} is refused on {plan} (at most {maximum})");
        }
    }

    private static JsonObject DurableTask(JsonObject host) =>
        host["extensions"]?["durableTask"]?.AsObject() ?? throw new InvalidDataException("host.json has no extensions.durableTask");
}
