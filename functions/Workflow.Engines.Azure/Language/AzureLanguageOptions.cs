namespace Workflow.Engines.Azure.Language;

/// <summary>
/// Azure AI Language PII detection (configuration section <c>Engines:AzureLanguage</c>). Without an
/// API key the engine signs in with managed identity (<see cref="ClientId"/> for a user-assigned one),
/// which needs the "Cognitive Services Language Reader" role on the resource.
/// </summary>
public sealed class AzureLanguageOptions
{
    public const string SectionName = "Engines:AzureLanguage";

    /// <summary>The resource endpoint, e.g. https://my-language.cognitiveservices.azure.com/.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>A resource key; leave empty to use managed identity.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty for the system-assigned one or developer sign-in.</summary>
    public string? ClientId { get; set; }

    /// <summary>The analyze-text API version (GA).</summary>
    public string ApiVersion { get; set; } = "2024-11-01";

    /// <summary>PII categories asked for; the service's names (see its documentation). Empty asks for all.</summary>
    public string[] Categories { get; set; } =
    [
        "Person", "Organization", "Address", "PhoneNumber", "Email", "URL", "IPAddress", "Age", "DateTime",
        "UKNationalHealthNumber", "UKNationalInsuranceNumber", "UKDriversLicenseNumber", "UKPassportNumber",
    ];

    /// <summary>Documents per request (the service's synchronous limit is 5).</summary>
    public int MaxDocumentsPerRequest { get; set; } = 5;

    /// <summary>Characters per document (the service's limit is 5,120 text elements).</summary>
    public int MaxCharactersPerDocument { get; set; } = 5000;

    /// <summary>Retries of a throttled (429) or failed (5xx) request before the stage fails.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>Longest wait between retries, whatever Retry-After says.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Findings below this confidence from the service are dropped (it reports very weak guesses too).</summary>
    public double MinConfidence { get; set; } = 0.4;
}
