using Workflow.Domain.Transcripts;

namespace Workflow.Domain.Deidentification;

/// <summary>
/// A transcript whose identifiers are replaced by pseudonyms. Utterance texts, speaker labels and
/// word texts contain labels, never the originals; <see cref="Redactions"/> say where labels stand.
/// </summary>
public sealed record DeidentifiedTranscript(
    string RecordingId,
    string StudyId,
    int IdentifierListVersion,
    IReadOnlyList<Utterance> Utterances,
    IReadOnlyList<Redaction> Redactions);
