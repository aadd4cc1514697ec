namespace Workflow.Domain.Studies;

/// <summary>
/// A study's own engine choices, which win over the host's defaults. Ethics approvals differ: unless
/// <see cref="AllowCloudEngines"/> is set, nothing of the study is ever sent to a cloud engine, whatever
/// the host's defaults say. Null stages follow the host's default.
/// </summary>
/// <param name="AllowCloudEngines">The study's ethics approval allows sending audio or text to cloud services.</param>
/// <param name="Transcription">The transcription engine key, or null for the host default.</param>
/// <param name="Deidentification">De-identification detectors run beside the study list, or null for the host default.</param>
/// <param name="Coding">The coding engine key, or null for the host default.</param>
public sealed record StudyEngineSettings(
    bool AllowCloudEngines = false,
    string? Transcription = null,
    IReadOnlyList<string>? Deidentification = null,
    string? Coding = null)
{
    /// <summary>Host defaults, no cloud: what a study gets when it says nothing.</summary>
    public static readonly StudyEngineSettings Default = new();
}
