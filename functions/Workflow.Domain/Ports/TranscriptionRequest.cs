namespace Workflow.Domain.Ports;

/// <summary>
/// What a transcription engine is told about one recording besides its audio. Built by the
/// transcription activity from the upload's metadata and the study's lists; it lives only in that
/// activity's memory: <see cref="Vocabulary"/> holds names from the identifier list, so it must never
/// be logged, stored beside de-identified material or put into orchestration history.
/// </summary>
/// <param name="Language">The recording's language or locale as uploaded (e.g. <c>en-GB</c>); null when not stated.</param>
/// <param name="ExpectedSpeakers">How many voices to expect (participants plus the interviewer); null when unknown.</param>
/// <param name="Vocabulary">Words and phrases the recogniser should know for this study: names of people,
/// places and services from the identifier list and terms from the codebook. Empty when the study has none.</param>
public sealed record TranscriptionRequest(string? Language, int? ExpectedSpeakers = null, IReadOnlyList<string>? Vocabulary = null)
{
    /// <summary>A request with nothing known but (perhaps) the language.</summary>
    public static TranscriptionRequest ForLanguage(string? language) => new(language);

    /// <summary>The study vocabulary, never null.</summary>
    public IReadOnlyList<string> Terms => Vocabulary ?? [];
}
