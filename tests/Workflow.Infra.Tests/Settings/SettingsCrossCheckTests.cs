using System.Text.RegularExpressions;
using Workflow.Infra.Tests.Bicep;
using Workflow.Infra.Tests.HostJson;
using Workflow.Storage.Configuration;
using Xunit.Abstractions;

namespace Workflow.Infra.Tests.Settings;

/// <summary>
/// Every setting the deployment writes is one the code (or the Functions host) reads, under the same
/// name in local.settings.sample.json and in the Bicep app settings; the settings the app cannot do
/// without are in both. "Read" is recorded from the Functions app's own registrations, not listed by hand.
/// </summary>
[Collection(CompiledTemplateCollection.Name)]
public partial class SettingsCrossCheckTests(CompiledTemplate compiled, ITestOutputHelper output)
{
    /// <summary>Read by the platform, not by this code (worker runtime, image storage, telemetry sign-in).</summary>
    private static readonly string[] PlatformSettings =
        ["FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITES_ENABLE_APP_SERVICE_STORAGE",
         "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING"];

    /// <summary>What a named connection may hold besides a connection string (the Functions host's identity-based form).</summary>
    private static readonly string[] ConnectionChildren =
        ["accountName", "serviceUri", "blobServiceUri", "queueServiceUri", "tableServiceUri", "credential", "clientId"];

    /// <summary>Without these the app cannot run as intended; a value or identity children in both files.</summary>
    private static readonly string[] Required =
        ["AzureWebJobsStorage", "Storage:Identifiable", "Storage:Deidentified", "Storage:Durable", "TaskHubName", "Auth:Mode",
         "Engines:Transcription", "Engines:Deidentification", "Engines:Coding", "Secrets:Store", "FUNCTIONS_WORKER_RUNTIME"];

    /// <summary>Setting groups only one side has, and why.</summary>
    private static readonly Dictionary<string, string> SampleOnly = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AZURE_FUNCTIONS_ENVIRONMENT"] = "Core Tools on a developer's machine; App Service sets its own environment",
        ["Engines:AzureSpeech:ApiKey"] = "a key for trying the cloud engine from a developer's machine; in Azure the app signs in with its identity",
        ["Engines:AzureOpenAI:ApiKey"] = "a key for trying the cloud coding engine from a developer's machine; in Azure the app signs in with its identity",
    };

    private static readonly Dictionary<string, string> BicepOnly = new(StringComparer.OrdinalIgnoreCase)
    {
        ["FUNCTIONS_EXTENSION_VERSION"] = "set by Core Tools locally; the container plan needs it as a setting",
        ["WEBSITES_ENABLE_APP_SERVICE_STORAGE"] = "container plans only",
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "telemetry exists only in Azure",
        ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "telemetry exists only in Azure",
        ["Engines:AzureLanguage"] = "the cloud detector's endpoint exists only in Azure",
        ["DURABLE_TASK_SCHEDULER_CONNECTION_STRING"] = "optional Durable backend (infra/host.azureManaged.json)",
        ["DURABLE_TASK_SCHEDULER_TASK_HUB"] = "optional Durable backend (infra/host.azureManaged.json)",
    };

    [Fact]
    public void TheRecordedRegistrations_AreTheOnesProgramCsMakes()
    {
        Assert.Equal(FunctionsAppSettingsReads.Registrations, FunctionsAppSettingsReads.ProgramRegistrations());
    }

    [Fact]
    public void TheRecorder_SeesOptionsBinding_DirectReads_AndTheIdentityBranch()
    {
        // A self-check of the recording itself: keys read in each of the ways the code reads them.
        var reads = FunctionsAppSettingsReads.With(Plausible(DeploymentSettings.Bicep(compiled), DeploymentSettings.Sample()));
        // Binding reads every property of a section that holds anything (a section with nothing set is skipped).
        Assert.Contains("Engines:AzureLanguage:MaxRetries", reads.Configuration);      // a property nobody set
        Assert.Contains("Engines:AzureLanguage:Categories", reads.Configuration);      // an array property
        Assert.Contains("Pipeline:MaxUploadBytes", reads.Configuration);               // options read at registration
        Assert.Contains("Secrets:Store", reads.Configuration);                         // an indexer read in a factory
        Assert.Contains("Storage:Identifiable:clientId", reads.Configuration);         // the identity-based connection
        Assert.Contains("WEBSITE_AUTH_ENABLED", reads.Environment);
    }

    [Fact]
    public void EverySetting_InTheSampleAndTheBicep_IsReadByTheCodeOrTheHost()
    {
        var (sample, bicep, known) = Gather();
        var staleSample = sample.Keys.Where(k => !known(k)).ToList();
        var staleBicep = bicep.Keys.Where(k => !known(k)).ToList();
        output.WriteLine($"{DeploymentSettings.SamplePath}: {sample.Count} settings; Bicep app settings: {bicep.Count}");
        Assert.True(staleSample.Count == 0, $"{DeploymentSettings.SamplePath} sets what nothing reads: {string.Join(", ", staleSample)}");
        Assert.True(staleBicep.Count == 0, $"infra/modules/app-settings.bicep sets what nothing reads: {string.Join(", ", staleBicep)}");
    }

    [Fact]
    public void TheRequiredSettings_AreReadAndInBothFiles()
    {
        var (sample, bicep, known) = Gather();
        foreach (var key in Required)
        {
            Assert.True(known(key), $"{key} is listed as required but neither the code nor the host reads it (stale list)");
            Assert.True(HasGroup(sample.Keys, key), $"{DeploymentSettings.SamplePath} lacks {key}");
            Assert.True(HasGroup(bicep.Keys, key), $"the Bicep app settings lack {key} (written {key.Replace(":", "__")})");
        }
    }

    [Fact]
    public void TheSampleAndTheBicep_NameTheSameSettings_ButForTheDocumentedOnes()
    {
        var (sample, bicep, _) = Gather();
        var connections = Connections();
        var sampleGroups = sample.Keys.Select(k => Group(k, connections)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var bicepGroups = bicep.Keys.Select(k => Group(k, connections)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var onlySample = sampleGroups.Except(bicepGroups, StringComparer.OrdinalIgnoreCase).Except(SampleOnly.Keys, StringComparer.OrdinalIgnoreCase).ToList();
        var onlyBicep = bicepGroups.Except(sampleGroups, StringComparer.OrdinalIgnoreCase).Except(BicepOnly.Keys, StringComparer.OrdinalIgnoreCase).ToList();
        Assert.True(onlySample.Count == 0, $"in {DeploymentSettings.SamplePath} but not in the Bicep app settings: {string.Join(", ", onlySample)}");
        Assert.True(onlyBicep.Count == 0, $"in the Bicep app settings but not in {DeploymentSettings.SamplePath}: {string.Join(", ", onlyBicep)}");
        // The exception lists must not outlive what they excuse.
        Assert.All(SampleOnly.Keys, k => Assert.True(sampleGroups.Contains(k) && !bicepGroups.Contains(k), $"SampleOnly lists {k} needlessly"));
        Assert.All(BicepOnly.Keys, k => Assert.True(bicepGroups.Contains(k) && !sampleGroups.Contains(k), $"BicepOnly lists {k} needlessly"));
    }

    [Fact]
    public void IdentityConnections_InTheBicep_UseTheManagedIdentity_WithItsClientId()
    {
        var bicep = DeploymentSettings.Bicep(compiled);
        foreach (var connection in Connections())
        {
            Assert.Equal(StorageAccountOptions.ManagedIdentity, bicep[$"{connection}:credential"]);
            Assert.True(bicep.ContainsKey($"{connection}:clientId"), $"{connection} has no clientId: a user-assigned identity needs it");
            Assert.False(bicep.ContainsKey(connection), $"{connection} must not be a connection string in Azure (shared keys are off)");
        }
        Assert.Equal("EasyAuth", bicep["Auth:Mode"]);
    }

    private (IReadOnlyDictionary<string, string?> Sample, IReadOnlyDictionary<string, string?> Bicep, Func<string, bool> Known) Gather()
    {
        var sample = DeploymentSettings.Sample();
        var bicep = DeploymentSettings.Bicep(compiled);
        var asSample = FunctionsAppSettingsReads.With(new Dictionary<string, string?>(sample, StringComparer.OrdinalIgnoreCase));
        var asBicep = FunctionsAppSettingsReads.With(Plausible(bicep, sample));
        var code = asSample.Configuration.Concat(asBicep.Configuration).Concat(asSample.Environment).Concat(asBicep.Environment)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var host = HostReads();
        output.WriteLine($"keys the code reads: {code.Count}; keys the Functions host reads from host.json and its connections: {host.Count}");
        return (sample, bicep, key => code.Contains(key) || host.Contains(key) || PlatformSettings.Contains(key, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Values for the Bicep's computed settings, shaped as in Azure, so the code reads the identity branches.</summary>
    private static Dictionary<string, string?> Plausible(IReadOnlyDictionary<string, string?> bicep, IReadOnlyDictionary<string, string?> sample) =>
        bicep.ToDictionary(p => p.Key, p => (string?)(p.Value ?? (sample.TryGetValue(p.Key, out var local) && !string.IsNullOrEmpty(local) ? local
            : p.Key.EndsWith("ServiceUri", StringComparison.OrdinalIgnoreCase) || p.Key.EndsWith(":Endpoint", StringComparison.OrdinalIgnoreCase)
              || p.Key.EndsWith(":KeyVaultUri", StringComparison.OrdinalIgnoreCase) ? "https://example.invalid/"
            : p.Key.EndsWith(":clientId", StringComparison.OrdinalIgnoreCase) ? "00000000-0000-0000-0000-000000000000"
            : "placeholder")), StringComparer.OrdinalIgnoreCase);

    /// <summary>Named storage connections: the host's own, the Durable one in host.json, and the code's two accounts.</summary>
    private static HashSet<string> Connections()
    {
        var durable = RepositoryFiles.ReadJson(HostJsonTests.HostJsonPath)["extensions"]!["durableTask"]!["storageProvider"]!["connectionName"]!.GetValue<string>();
        return new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            { "AzureWebJobsStorage", durable, WorkflowStorageOptions.IdentifiableConnection, WorkflowStorageOptions.DeidentifiedConnection };
    }

    /// <summary>What the Functions host reads: %settings% and connection names in host.json (and its scheduler variant), each connection with its identity children.</summary>
    private static HashSet<string> HostReads()
    {
        var reads = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in new[] { HostJsonTests.HostJsonPath, HostJsonTests.SchedulerVariantPath })
        {
            var text = RepositoryFiles.Read(path);
            foreach (Match m in PercentSettingRegex().Matches(text)) reads.Add(m.Groups[1].Value);
            foreach (Match m in ConnectionSettingRegex().Matches(text)) reads.Add(m.Groups[1].Value);
        }
        foreach (var connection in Connections())
        {
            reads.Add(connection);
            foreach (var child in ConnectionChildren) reads.Add($"{connection}:{child}");
        }
        return reads;
    }

    /// <summary>A connection's children count as the connection; Engines:AzureLanguage:* as its section; others as themselves.</summary>
    private static string Group(string key, HashSet<string> connections)
    {
        var connection = connections.FirstOrDefault(c => key.Equals(c, StringComparison.OrdinalIgnoreCase) || key.StartsWith(c + ":", StringComparison.OrdinalIgnoreCase));
        if (connection is not null) return connection;
        return key.StartsWith("Engines:AzureLanguage:", StringComparison.OrdinalIgnoreCase) ? "Engines:AzureLanguage" : key;
    }

    private static bool HasGroup(IEnumerable<string> keys, string key) =>
        keys.Any(k => k.Equals(key, StringComparison.OrdinalIgnoreCase) || k.StartsWith(key + ":", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex("\"%([A-Za-z0-9_:]+)%\"")]
    private static partial Regex PercentSettingRegex();

    [GeneratedRegex("\"connection(?:String)?Name\"\\s*:\\s*\"([^\"]+)\"")]
    private static partial Regex ConnectionSettingRegex();
}
