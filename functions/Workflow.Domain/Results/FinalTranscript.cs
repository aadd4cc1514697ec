using Workflow.Domain.Deidentification;
using Workflow.Domain.Transcripts;

namespace Workflow.Domain.Results;

/// <summary>
/// The pipeline's output: the verified, de-identified transcript with verified codes. Contains
/// pseudonym labels only; safe to share with the analysis team and to export.
/// </summary>
public sealed record FinalTranscript(
    string RecordingId,
    string StudyId,
    int CodebookVersion,
    int IdentifierListVersion,
    IReadOnlyList<Utterance> Utterances,
    IReadOnlyList<Redaction> Redactions,
    IReadOnlyList<CodedSegment> Segments,
    DateTimeOffset FinalizedAt);
