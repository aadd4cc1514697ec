using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workflow.Domain.Ports;
using Workflow.Engines.Azure;
using Workflow.Engines.Local;
using Workflow.Engines.Semantic;
using Workflow.Engines.Whisper;
using Workflow.Hosting;

namespace Workflow.Infra.Tests.Settings;

/// <summary>
/// Which settings the Functions app's code reads: its registrations (the calls its Program.cs makes)
/// run over a recording configuration, then every options type is resolved (binding reads each
/// property) together with the services that read configuration when first built. Environment
/// variables the start-up checks consult are recorded too.
/// </summary>
public static partial class FunctionsAppSettingsReads
{
    /// <summary>The registration calls of functions/Workflow.Functions/Program.cs this class repeats.</summary>
    public static readonly string[] Registrations = ["AddLocalEngines", "AddSemanticEngines", "AddWhisperEngine", "AddAzureEngines", "AddWorkflow"];

    public sealed record Reads(IReadOnlySet<string> Configuration, IReadOnlySet<string> Environment);

    public static Reads With(IDictionary<string, string?> settings)
    {
        var source = new RecordingConfigurationSource(settings);
        var configuration = new ConfigurationBuilder().Add(source).Build();
        var environment = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string? Environment(string name)
        {
            environment.Add(name);
            // As App Service (with authentication on) or Core Tools (Development) set them.
            return settings.TryGetValue(name, out var value) ? value : name == "WEBSITE_AUTH_ENABLED" ? "True" : null;
        }

        var services = new ServiceCollection().AddLogging();
        services.AddLocalEngines(configuration).AddSemanticEngines(configuration).AddWhisperEngine(configuration).AddAzureEngines(configuration).AddWorkflow(configuration, WorkflowHostKind.Functions, Environment);
        using var provider = services.BuildServiceProvider();
        foreach (var optionsType in services.Select(d => d.ServiceType)
                     .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IConfigureOptions<>))
                     .Select(t => t.GetGenericArguments()[0]).Distinct())
        {
            var options = provider.GetRequiredService(typeof(IOptions<>).MakeGenericType(optionsType));
            _ = options.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(options);
        }
        // Factories that read configuration when the service is first built.
        _ = provider.GetRequiredService<IStudySecrets>();
        return new Reads(source.Read, environment);
    }

    /// <summary>The Add*(builder.Configuration) calls in Program.cs, in order.</summary>
    public static IReadOnlyList<string> ProgramRegistrations() =>
        RegistrationRegex().Matches(RepositoryFiles.Read("functions/Workflow.Functions/Program.cs")).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex(@"\.(Add\w+)\(builder\.Configuration")]
    private static partial Regex RegistrationRegex();
}
