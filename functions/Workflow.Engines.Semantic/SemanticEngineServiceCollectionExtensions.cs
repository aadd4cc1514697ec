using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Workflow.Composition;

namespace Workflow.Engines.Semantic;

/// <summary>
/// Offers coding engines <c>semantic</c> (MiniLM sentence embeddings, offline) and <c>ensemble</c>
/// (keywords + semantic), and <c>learned</c> (classifiers trained on the study's verified decisions, read
/// through <see cref="Workflow.Domain.Ports.ICodingExamples"/>, which the storage registrations provide).
/// Needs <c>AddLocalEngines</c> for the keyword engine the ensemble and the learner's default fallback use.
/// The model loads on first use, once per process.
/// </summary>
public static class SemanticEngineServiceCollectionExtensions
{
    public static IServiceCollection AddSemanticEngines(this IServiceCollection services, IConfiguration configuration)
    {
        var engines = configuration.GetSection(EngineChoices.SectionName);
        services.AddOptions<SemanticCodingOptions>().Bind(engines.GetSection("Semantic"));
        services.AddOptions<EnsembleCodingOptions>().Bind(engines.GetSection("Ensemble"));
        services.AddOptions<LearnedCodingOptions>().Bind(engines.GetSection("Learned"));
        services.AddSingleton<SemanticCodingEngine>();
        services.AddKeyedSingleton<Workflow.Domain.Ports.ICodingEngine>(SemanticCodingEngine.EngineName, (sp, _) => sp.GetRequiredService<SemanticCodingEngine>());
        services.AddSingleton(new EngineDescriptor(EngineStage.Coding, SemanticCodingEngine.EngineName, "sentence embeddings (all-MiniLM-L6-v2, offline) against definitions, criteria and examples", false));
        services.AddCodingEngine<EnsembleCodingEngine>(EnsembleCodingEngine.EngineName, "keywords and semantic combined into one ranked list");
        services.TryAddSingleton(TimeProvider.System);
        services.AddCodingEngine<LearnedCodingEngine>(LearnedCodingEngine.EngineName,
            "learns each code from the study's verified decisions once it has enough examples; the fallback engine proposes the rest");
        // The same instance as the engine, so the route and the background retraining see its classifiers.
        services.AddSingleton<Workflow.Domain.Ports.ICodingLearner>(sp =>
            (LearnedCodingEngine)sp.GetRequiredKeyedService<Workflow.Domain.Ports.ICodingEngine>(LearnedCodingEngine.EngineName));
        return services;
    }
}
