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

    /// <summary>
    /// <c>Text</c> sends each utterance as a document to the synchronous analyze-text call;
    /// <c>Conversation</c> sends the transcript as one conversation of speaker turns to the
    /// asynchronous conversation PII job, so an entity can be read in the context of the turns around it.
    /// </summary>
    public PiiAnalysis Analysis { get; set; } = PiiAnalysis.Text;

    /// <summary>Conversation PII categories asked for (they differ from the text call's); empty asks for all.</summary>
    public string[] ConversationCategories { get; set; } = [];

    /// <summary>Characters of one conversation job; a longer transcript is sent as several conversations, cut between turns.</summary>
    public int MaxCharactersPerConversation { get; set; } = 40_000;

    /// <summary>How often a conversation job is checked when the service gives no Retry-After.</summary>
    public TimeSpan JobPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long one conversation job may take before the stage fails. Jobs of an interview take
    /// seconds; the bound keeps the activity well inside the Durable work item's visibility timeout.
    /// </summary>
    public TimeSpan JobTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Findings below this confidence from the service are dropped (it reports very weak guesses too).</summary>
    public double MinConfidence { get; set; } = 0.4;
}

/// <summary>Which Azure AI Language PII call reads the transcript.</summary>
public enum PiiAnalysis
{
    Text,
    Conversation,
}
