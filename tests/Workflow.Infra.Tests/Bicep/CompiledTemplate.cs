using System.Text.Json.Nodes;

namespace Workflow.Infra.Tests.Bicep;

/// <summary>
/// infra/main.bicep compiled once per test run (bicep build into a temporary folder), with the build
/// output kept for the tests that require it clean.
/// </summary>
public sealed class CompiledTemplate : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("infra-tests-").FullName;

    public CompiledTemplate()
    {
        var output = Path.Combine(_directory, "main.json");
        Build = BicepCli.Run("build", "infra/main.bicep", "--outfile", output);
        _template = File.Exists(output) ? JsonNode.Parse(File.ReadAllText(output))!.AsObject() : null;
    }

    private readonly JsonObject? _template;

    public BicepCli.Result Build { get; }

    /// <summary>The ARM JSON of main.bicep, modules inlined as nested deployments.</summary>
    public JsonObject Template => _template ?? throw new InvalidOperationException("infra/main.bicep did not compile:\n" + Build.Output);

    /// <summary>The nested template of module <paramref name="symbol"/> (its Bicep symbolic name).</summary>
    public JsonObject Module(string symbol) =>
        Template["resources"]?[symbol]?["properties"]?["template"]?.AsObject()
        ?? throw new InvalidOperationException($"main.bicep has no module '{symbol}'.");

    /// <summary>Parameters passed to module <paramref name="symbol"/>, as written in main.bicep (expressions stay strings).</summary>
    public JsonObject ModuleParameters(string symbol) =>
        Template["resources"]?[symbol]?["properties"]?["parameters"]?.AsObject()
        ?? throw new InvalidOperationException($"main.bicep has no module '{symbol}'.");

    /// <summary>A variable of main.bicep whose value is a literal array of strings.</summary>
    public IReadOnlyList<string> StringArrayVariable(string name) =>
        Template["variables"]?[name]?.AsArray().Select(n => n!.GetValue<string>()).ToList()
        ?? throw new InvalidOperationException($"main.bicep has no variable '{name}'.");

    /// <summary>Every template in the tree: main and each module, with a readable name.</summary>
    public IEnumerable<(string Name, JsonObject Template)> AllTemplates()
    {
        var pending = new Stack<(string, JsonObject)>([("main", Template)]);
        while (pending.Count > 0)
        {
            var (name, template) = pending.Pop();
            yield return (name, template);
            foreach (var (symbol, resource) in Resources(template))
                if (resource["properties"] is JsonObject properties && properties["template"] is JsonObject nested) pending.Push(($"{name}/{symbol}", nested));
        }
    }

    /// <summary>Resources of a template, whether emitted as an array or (language version 2) as an object by symbol.</summary>
    public static IEnumerable<(string Symbol, JsonObject Resource)> Resources(JsonObject template) =>
        template["resources"] switch
        {
            JsonObject byName => byName.Select(p => (p.Key, p.Value!.AsObject())),
            JsonArray list => list.Select((r, i) => ($"#{i}", r!.AsObject())),
            _ => [],
        };

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class CompiledTemplateCollection : ICollectionFixture<CompiledTemplate>
{
    public const string Name = "compiled main.bicep";
}
