using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workflow.Composition;
using Workflow.Engines.Azure.Language;

namespace Workflow.Engines.Azure;

/// <summary>
/// Offers the Azure engines to the composition: de-identification <c>azure-language</c> (Azure AI
/// Language PII). They are cloud engines, so only studies that allow cloud engines use them; an
/// engine chosen without its endpoint fails its stage with a message naming the setting.
/// </summary>
public static class AzureEngineServiceCollectionExtensions
{
    public static IServiceCollection AddAzureEngines(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AzureLanguageOptions>().Bind(configuration.GetSection(AzureLanguageOptions.SectionName));
        services.AddHttpClient(nameof(AzureLanguagePiiClient))
            .AddTypedClient((http, sp) => new AzureLanguagePiiClient(http, sp.GetRequiredService<IOptions<AzureLanguageOptions>>(), Credential(sp)));
        services.AddDeidentificationEngine<AzureLanguagePiiEngine>("azure-language", "Azure AI Language PII detection", isCloud: true);
        return services;
    }

    private static TokenCredential? Credential(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<AzureLanguageOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(options.ApiKey)) return null;
        return string.IsNullOrWhiteSpace(options.ClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ClientId));
    }
}
