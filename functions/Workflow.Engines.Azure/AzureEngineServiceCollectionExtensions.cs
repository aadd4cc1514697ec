using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workflow.Composition;
using Workflow.Engines.Azure.Language;
using Workflow.Engines.Azure.OpenAI;
using Workflow.Engines.Azure.Speech;

namespace Workflow.Engines.Azure;

/// <summary>
/// Offers the Azure engines to the composition: de-identification <c>azure-language</c> (Azure AI
/// Language PII) and transcription <c>azure-speech</c> (Azure AI Speech batch transcription) and coding <c>azure-openai</c>
/// (an Azure OpenAI chat deployment). They are cloud engines, so only studies that allow cloud engines use them; an
/// engine chosen without its endpoint fails its stage with a message naming the setting.
/// </summary>
public static class AzureEngineServiceCollectionExtensions
{
    public static IServiceCollection AddAzureEngines(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AzureLanguageOptions>().Bind(configuration.GetSection(AzureLanguageOptions.SectionName));
        services.AddHttpClient(nameof(AzureLanguageTransport))
            .AddTypedClient((http, sp) =>
            {
                var o = sp.GetRequiredService<IOptions<AzureLanguageOptions>>().Value;
                return new AzureLanguageTransport(http, o, Credential(o.ApiKey, o.ClientId));
            });
        services.AddTransient<AzureLanguagePiiClient>();
        services.AddTransient<AzureConversationPiiClient>();
        services.AddDeidentificationEngine<AzureLanguagePiiEngine>("azure-language", "Azure AI Language PII detection", isCloud: true);

        services.AddOptions<AzureSpeechOptions>().Bind(configuration.GetSection(AzureSpeechOptions.SectionName));
        services.AddHttpClient(nameof(AzureSpeechBatchClient))
            .AddTypedClient((http, sp) =>
            {
                var o = sp.GetRequiredService<IOptions<AzureSpeechOptions>>();
                return new AzureSpeechBatchClient(http, o, Credential(o.Value.ApiKey, o.Value.ClientId));
            });
        services.AddTranscriptionEngine<AzureSpeechTranscriptionEngine>("azure-speech", "Azure AI Speech batch transcription with diarization", isCloud: true);

        services.AddOptions<AzureOpenAIOptions>().Bind(configuration.GetSection(AzureOpenAIOptions.SectionName));
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<AzureOpenAIOptions>>();
            return new AzureOpenAIChat(o, Credential(o.Value.ApiKey, o.Value.ClientId));
        });
        services.AddCodingEngine<AzureOpenAICodingEngine>(AzureOpenAICodingEngine.EngineName, "Azure OpenAI chat model with the codebook, quotations checked", isCloud: true);
        return services;
    }

    /// <summary>No credential with a key; otherwise the user-assigned identity named, or the default chain.</summary>
    private static TokenCredential? Credential(string? apiKey, string? clientId)
    {
        if (!string.IsNullOrWhiteSpace(apiKey)) return null;
        return string.IsNullOrWhiteSpace(clientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
    }
}
