using System.ClientModel;
using Azure.AI.OpenAI;
using Azure.Core;
using Microsoft.Extensions.Options;
using OpenAI.Chat;
using Workflow.Domain.Ports;

namespace Workflow.Engines.Azure.OpenAI;

/// <summary>
/// The chat client of the configured deployment, made when the engine is first used so that a host
/// without the settings still starts; used without them it fails naming the settings.
/// </summary>
internal sealed class AzureOpenAIChat(IOptions<AzureOpenAIOptions> options, TokenCredential? credential)
{
    private readonly Lazy<ChatClient> _client = new(() => Create(options.Value, credential));

    public AzureOpenAIOptions Options => options.Value;

    public ChatClient Client => _client.Value;

    private static ChatClient Create(AzureOpenAIOptions o, TokenCredential? credential)
    {
        if (o.Endpoint is null || string.IsNullOrWhiteSpace(o.Deployment))
            throw new EngineUnavailableException(
                $"Azure OpenAI coding is chosen but {AzureOpenAIOptions.SectionName}:Endpoint and {AzureOpenAIOptions.SectionName}:Deployment are not both set.");
        var clientOptions = new AzureOpenAIClientOptions
        {
            RetryPolicy = new BoundedRetryPolicy(o.MaxRetries, o.MaxRetryDelay),
            NetworkTimeout = o.RequestTimeout,
        };
        AzureOpenAIClient client;
        if (!string.IsNullOrWhiteSpace(o.ApiKey))
            client = new AzureOpenAIClient(o.Endpoint, new ApiKeyCredential(o.ApiKey), clientOptions);
        else if (credential is not null)
            client = new AzureOpenAIClient(o.Endpoint, credential, clientOptions);
        else
            throw new EngineUnavailableException($"Set {AzureOpenAIOptions.SectionName}:ApiKey or run with a managed identity.");
        return client.GetChatClient(o.Deployment);
    }
}
