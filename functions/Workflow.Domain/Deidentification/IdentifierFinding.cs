namespace Workflow.Domain.Deidentification;

/// <summary>
/// A span an engine believes identifies someone. <see cref="Start"/>/<see cref="End"/> are UTF-16
/// offsets into the utterance text, end exclusive. <see cref="EntityKey"/> says which entity the span
/// names (a study identifier id, or a normalised form such as the digits of a phone number), so the
/// same entity always gets the same pseudonym. <see cref="Confidence"/> below the study's threshold
/// sends the redaction to a coder for confirmation. <see cref="Field"/> says whether the span lies in
/// the utterance text or in its speaker label (imported transcripts sometimes name speakers).
/// </summary>
public sealed record IdentifierFinding(
    int UtteranceIndex,
    int Start,
    int End,
    IdentifierKind Kind,
    string Text,
    string EntityKey,
    double Confidence,
    string Recognizer,
    FindingField Field = FindingField.Text)
{
    /// <summary>Length of the span in UTF-16 code units.</summary>
    public int Length => End - Start;
}
