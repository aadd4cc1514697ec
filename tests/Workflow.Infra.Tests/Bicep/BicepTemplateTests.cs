using System.Reflection;
using System.Text.Json.Nodes;
using Workflow.Storage.Configuration;

namespace Workflow.Infra.Tests.Bicep;

/// <summary>
/// infra/ compiles and lints without a single diagnostic (infra/bicepconfig.json raises the linter
/// rules to errors), and the template keeps the promises the README makes about it.
/// </summary>
[Collection(CompiledTemplateCollection.Name)]
public class BicepTemplateTests(CompiledTemplate compiled)
{
    [Fact]
    public void MainBicep_Builds_WithoutErrorsOrWarnings()
    {
        Assert.True(compiled.Build.ExitCode == 0, "bicep build failed:\n" + compiled.Build.Output);
        Assert.True(compiled.Build.Diagnostics.Count == 0, "bicep build reported:\n" + string.Join('\n', compiled.Build.Diagnostics));
        Assert.NotEmpty(CompiledTemplate.Resources(compiled.Template));
    }

    [Fact]
    public void MainBicep_Lints_WithoutErrorsOrWarnings()
    {
        var lint = BicepCli.Run("lint", "infra/main.bicep");
        Assert.True(lint.ExitCode == 0 && lint.Diagnostics.Count == 0, $"bicep lint (exit {lint.ExitCode}) reported:\n{lint.Output}");
    }

    [Fact]
    public void EveryParameter_OfEveryModule_HasADescription()
    {
        var missing = compiled.AllTemplates()
            .SelectMany(t => (t.Template["parameters"]?.AsObject() ?? []).Select(p => (t.Name, Parameter: p.Key, p.Value)))
            .Where(p => string.IsNullOrWhiteSpace(p.Value?["metadata"]?["description"]?.GetValue<string>()))
            .Select(p => $"{p.Name}: {p.Parameter}")
            .ToList();
        Assert.True(missing.Count == 0, "parameters without @description: " + string.Join(", ", missing));
        Assert.True(compiled.AllTemplates().Count() >= 10, "expected main.bicep and its modules");
    }

    [Fact]
    public void MainParametersJson_NamesOnlyParametersOfMain_AndEveryRequiredOne()
    {
        var declared = compiled.Template["parameters"]!.AsObject();
        var given = RepositoryFiles.ReadJson("infra/main.parameters.json")["parameters"]!.AsObject().Select(p => p.Key).ToList();
        Assert.DoesNotContain(given, g => !declared.ContainsKey(g));
        var required = declared.Where(p => p.Value!["defaultValue"] is null).Select(p => p.Key);
        Assert.DoesNotContain(required, r => !given.Contains(r));
    }

    [Fact]
    public void StorageContainersAndTables_AreTheNamesTheCodeUses()
    {
        Assert.Equal(StorageNames.IdentifiableContainers.Order(), compiled.StringArrayVariable("identifiableContainers").Order());
        Assert.Equal(StorageNames.IdentifiableTables.Order(), compiled.StringArrayVariable("identifiableTables").Order());
        Assert.Equal(StorageNames.DeidentifiedContainers.Order(), compiled.StringArrayVariable("deidentifiedContainers").Order());
        Assert.Equal(StorageNames.DeidentifiedTables.Order(), compiled.StringArrayVariable("deidentifiedTables").Order());
        Assert.All(compiled.StringArrayVariable("rawRetentionPrefixes"),
            p => Assert.Contains(p.TrimEnd('/'), new[] { StorageNames.RawUploads, StorageNames.IncomingUploads }));
    }

    [Fact]
    public void EveryStorageAccount_RefusesKeys_OldTls_AndAnonymousAccess()
    {
        var accounts = AllResources("Microsoft.Storage/storageAccounts").ToList();
        Assert.NotEmpty(accounts);
        foreach (var account in accounts)
        {
            var properties = account["properties"]!;
            Assert.False(properties["allowSharedKeyAccess"]!.GetValue<bool>());
            Assert.False(properties["allowBlobPublicAccess"]!.GetValue<bool>());
            Assert.Equal("TLS1_2", properties["minimumTlsVersion"]!.GetValue<string>());
            Assert.True(properties["supportsHttpsTrafficOnly"]!.GetValue<bool>());
        }
    }

    [Fact]
    public void OnlyTheIdentifiableAccount_TakesBrowserUploads_FromTheAppsOriginWithPutOnly()
    {
        Assert.Contains("azurewebsites.net", compiled.ModuleParameters("identifiable")["uploadCorsOrigins"]!.ToJsonString());
        Assert.Null(compiled.ModuleParameters("deidentified")["uploadCorsOrigins"]);
        var resources = compiled.Module("identifiable")["resources"]!;
        var all = resources is JsonArray array ? array.Select(r => r!) : resources.AsObject().Select(r => r.Value!);
        var blobServices = Assert.Single(all, r => r["type"]!.GetValue<string>() == "Microsoft.Storage/storageAccounts/blobServices");
        // An ARM expression (the rule exists only when origins are given), as a string.
        var cors = blobServices["properties"]!["cors"]!["corsRules"]!.GetValue<string>();
        Assert.Contains("'PUT'", cors);
        Assert.DoesNotContain("'GET'", cors);
        Assert.DoesNotContain("'DELETE'", cors);
    }

    [Fact]
    public void KeyVault_UsesRbac_AndPurgeProtection()
    {
        var vault = Assert.Single(AllResources("Microsoft.KeyVault/vaults"));
        Assert.True(vault["properties"]!["enableRbacAuthorization"]!.GetValue<bool>());
        Assert.True(vault["properties"]!["enablePurgeProtection"]!.GetValue<bool>());
    }

    [Fact]
    public void AiServices_AllowEntraIdOnly()
    {
        var accounts = AllResources("Microsoft.CognitiveServices/accounts").ToList();
        Assert.NotEmpty(accounts);
        Assert.All(accounts, a => Assert.True(a["properties"]!["disableLocalAuth"]!.GetValue<bool>()));
    }

    [Fact]
    public void EveryRoleAssignment_IsNamedWithGuid_AndGivenToAServicePrincipal()
    {
        var assignments = AllResources("Microsoft.Authorization/roleAssignments").ToList();
        Assert.True(assignments.Count >= 6, $"expected the identity's role assignments, found {assignments.Count}");
        foreach (var assignment in assignments)
        {
            Assert.StartsWith("[guid(", assignment["name"]!.GetValue<string>());
            Assert.Equal("ServicePrincipal", assignment["properties"]!["principalType"]!.GetValue<string>());
        }
    }

    [Fact]
    public void TheUploadSubscription_TargetsTheDropZoneTrigger_ThatTheFunctionsAppDeclares()
    {
        var functionName = compiled.Template["parameters"]!["uploadFunctionName"]!["defaultValue"]!.GetValue<string>();
        var source = Directory.EnumerateFiles(RepositoryFiles.PathOf("functions/Workflow.Functions"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Select(File.ReadAllText);
        Assert.Contains(source, s => s.Contains($"[Function(\"{functionName}\")]", StringComparison.Ordinal)
                                     && s.Contains("BlobTrigger", StringComparison.Ordinal)
                                     // The subscription's webhook reaches only a trigger whose source is Event Grid.
                                     && s.Contains("Source = BlobTriggerSource.EventGrid", StringComparison.Ordinal));
        Assert.Equal(StorageNames.IncomingUploads, compiled.ModuleParameters("uploadEvents")["containerName"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void AzureYaml_DeploysTheFunctionsProject_WithTheRepositorysDockerfile()
    {
        var yaml = RepositoryFiles.Read("azure.yaml");
        Assert.Contains("path: infra", yaml);
        Assert.Contains("host: function", yaml);
        var project = Value(yaml, "project");
        Assert.True(File.Exists(Path.Combine(RepositoryFiles.PathOf(project), "Workflow.Functions.csproj")), $"azure.yaml project {project} has no Workflow.Functions.csproj");
        var dockerfile = Path.GetFullPath(Path.Combine(RepositoryFiles.PathOf(project), Value(yaml, "path", after: "docker:")));
        Assert.True(File.Exists(dockerfile), $"azure.yaml's docker path {dockerfile} does not exist");
        var hook = Value(yaml, "run");
        Assert.True(File.Exists(RepositoryFiles.PathOf(hook)), $"azure.yaml hook {hook} does not exist");
        Assert.True((File.GetUnixFileMode(RepositoryFiles.PathOf(hook)) & UnixFileMode.UserExecute) != 0, $"{hook} is not executable");
    }

    private static string Value(string yaml, string key, string? after = null)
    {
        var text = after is null ? yaml : yaml[(yaml.IndexOf(after, StringComparison.Ordinal) + after.Length)..];
        var line = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal))
            ?? throw new InvalidDataException($"azure.yaml has no '{key}:'");
        return line[(key.Length + 1)..].Trim();
    }

    private IEnumerable<JsonObject> AllResources(string type) =>
        compiled.AllTemplates().SelectMany(t => CompiledTemplate.Resources(t.Template))
            .Select(r => r.Resource)
            .Where(r => r["existing"]?.GetValue<bool>() != true)
            .Where(r => string.Equals(r["type"]?.GetValue<string>(), type, StringComparison.OrdinalIgnoreCase));
}
