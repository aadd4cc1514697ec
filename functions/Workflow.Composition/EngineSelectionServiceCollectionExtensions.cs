using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Workflow.Composition;

/// <summary>Registers <see cref="EngineSelection"/> once every adapter has offered its engines.</summary>
public static class EngineSelectionServiceCollectionExtensions
{
    /// <summary>
    /// Call after the adapters' registrations. An engine configured but not offered stops start-up
    /// here, with a message listing what is available; it never falls back silently.
    /// </summary>
    public static IServiceCollection AddEngineSelection(this IServiceCollection services, IConfiguration configuration)
    {
        var choices = EngineChoices.From(configuration);
        var offered = services.Where(d => d.ServiceType == typeof(EngineDescriptor))
            .Select(d => d.ImplementationInstance).OfType<EngineDescriptor>().ToList();
        Require(offered, EngineStage.Deidentification, EngineKeys.StudyList, "the study identifier list matcher is not registered; register the local engines.");
        Require(offered, EngineStage.Transcription, choices.Transcription);
        Require(offered, EngineStage.Coding, choices.Coding);
        foreach (var key in choices.Deidentification) Require(offered, EngineStage.Deidentification, key);

        services.AddSingleton(choices);
        services.AddSingleton(sp => new EngineSelection(sp, sp.GetServices<EngineDescriptor>(), choices));
        return services;
    }

    private static void Require(List<EngineDescriptor> offered, EngineStage stage, string key, string? problem = null)
    {
        if (offered.Any(d => d.Stage == stage && d.Key == key)) return;
        var available = offered.Where(d => d.Stage == stage && d.Key != EngineKeys.StudyList).Select(d => $"{d.Key} ({d.Description})");
        throw new InvalidOperationException(problem is not null
            ? $"Engines: {problem}"
            : $"{EngineChoices.SectionName}:{stage} = '{key}' is not available in this build. Available: {string.Join(", ", available)}.");
    }
}
