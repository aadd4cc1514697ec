using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Engines.Semantic;

namespace Workflow.CodingEval;

/// <summary>The coding engines offered beyond the local ones, and the keys evaluated by default.</summary>
internal static class CodingEngines
{
    public const string DefaultKeys = "keywords,semantic,ensemble";

    public static void AddOptional(IServiceCollection services, IConfiguration configuration) =>
        services.AddSemanticEngines(configuration);
}
