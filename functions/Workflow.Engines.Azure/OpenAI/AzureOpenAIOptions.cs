namespace Workflow.Engines.Azure.OpenAI;

/// <summary>
/// Azure OpenAI coding (configuration section <c>Engines:AzureOpenAI</c>). Without an API key the
/// engine signs in with managed identity (<see cref="ClientId"/> for a user-assigned one), which needs
/// the "Cognitive Services OpenAI User" role on the resource.
/// </summary>
public sealed class AzureOpenAIOptions
{
    public const string SectionName = "Engines:AzureOpenAI";

    /// <summary>The resource endpoint, e.g. https://my-openai.openai.azure.com/.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The name of the chat model deployment (a model that supports strict JSON-schema output, e.g. gpt-4o).</summary>
    public string? Deployment { get; set; }

    /// <summary>A resource key; leave empty to use managed identity.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty for the system-assigned one or developer sign-in.</summary>
    public string? ClientId { get; set; }

    /// <summary>Characters of segment text (with its context) in one request; a longer transcript is sent in several.</summary>
    public int MaxCharactersPerBatch { get; set; } = 6000;

    /// <summary>Characters of the codebook part of the system message; codes past it are left out with a note.</summary>
    public int MaxCodebookCharacters { get; set; } = 16_000;

    /// <summary>Examples per code shown to the model.</summary>
    public int MaxExamplesPerCode { get; set; } = 3;

    /// <summary>Characters of the previous segment given as context.</summary>
    public int MaxContextCharacters { get; set; } = 400;

    /// <summary>Retries of a throttled (429) or failed (5xx) request before the stage fails.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>Longest wait between retries, whatever Retry-After says.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one request may take; keeps the activity inside the Durable work item's visibility.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);
}
