using System.Text.Json.Nodes;
using Workflow.Infra.Tests.Bicep;

namespace Workflow.Infra.Tests.Settings;

/// <summary>
/// The settings the deployment gives the Functions app: local.settings.sample.json's Values (keys with
/// ':') and the Bicep app settings (app-settings.bicep's *Settings variables, keys with '__', read here
/// as ':'), with the values the template writes literally.
/// </summary>
public static class DeploymentSettings
{
    public const string SamplePath = "local.settings.sample.json";

    public static IReadOnlyDictionary<string, string?> Sample() =>
        RepositoryFiles.ReadJson(SamplePath)["Values"]!.AsObject()
            .ToDictionary(p => p.Key, p => p.Value?.GetValue<string>(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Bicep app settings by name (':' form); values are null where the template computes them.</summary>
    public static IReadOnlyDictionary<string, string?> Bicep(CompiledTemplate compiled)
    {
        var variables = compiled.Module("appSettings")["variables"]!.AsObject();
        var groups = variables.Where(v => v.Key.EndsWith("Settings", StringComparison.Ordinal) && v.Value is JsonObject).ToList();
        if (groups.Count == 0) throw new InvalidDataException("infra/modules/app-settings.bicep has no *Settings object variables");
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (_, group) in groups)
            foreach (var (name, value) in group!.AsObject())
            {
                var text = value?.GetValue<string>();
                settings.Add(ToConfigurationKey(name), text is null || text.StartsWith('[') ? null : text);
            }
        return settings;
    }

    /// <summary>Linux app settings spell ':' as '__'.</summary>
    public static string ToConfigurationKey(string appSetting) => appSetting.Replace("__", ":", StringComparison.Ordinal);
}
