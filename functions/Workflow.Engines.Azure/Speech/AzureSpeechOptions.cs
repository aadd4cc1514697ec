namespace Workflow.Engines.Azure.Speech;

/// <summary>
/// Azure AI Speech batch transcription (configuration section <c>Engines:AzureSpeech</c>). Without an
/// API key the engine signs in with managed identity (<see cref="ClientId"/> for a user-assigned one),
/// which needs the "Cognitive Services Speech Contributor" role on the resource and a custom-subdomain
/// endpoint (https://NAME.cognitiveservices.azure.com/), since tokens are not accepted on regional endpoints.
/// </summary>
public sealed class AzureSpeechOptions
{
    public const string SectionName = "Engines:AzureSpeech";

    /// <summary>The resource endpoint, e.g. https://my-speech.cognitiveservices.azure.com/.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>A resource key; leave empty to use managed identity.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty for the system-assigned one or developer sign-in.</summary>
    public string? ClientId { get; set; }

    /// <summary>The speech-to-text REST API version (GA).</summary>
    public string ApiVersion { get; set; } = "2024-11-15";

    /// <summary>The locale when a recording states none (or not as a locale such as en-GB).</summary>
    public string DefaultLocale { get; set; } = "en-GB";

    /// <summary>Speaker-count hint when the upload lists no participants (the service allows 2-35).</summary>
    public int DefaultMaxSpeakers { get; set; } = 2;

    /// <summary>How long the read URL given to the service for the audio stays valid.</summary>
    public TimeSpan AudioUrlLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// How long the service keeps a job and its result if the workflow never deletes it (6-744 hours).
    /// The workflow deletes the job once the transcript is stored; this is the safety net.
    /// </summary>
    public int TimeToLiveHours { get; set; } = 12;

    /// <summary>First check of a job after submitting it; the interval then doubles.</summary>
    public TimeSpan FirstCheck { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest interval between checks.</summary>
    public TimeSpan LongestCheckInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A job not finished after this long fails the stage (it can be re-run).</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Consecutive phrases of one speaker closer than this become one utterance (a speaker turn).</summary>
    public TimeSpan MergeTurnGap { get; set; } = TimeSpan.FromSeconds(1.5);
}
