using Workflow.Domain.Deidentification;
using Workflow.Domain.Recordings;
using Workflow.Domain.Results;

namespace Workflow.Api.Contracts;

/// <summary>Response of an upload: 202 for a new recording, 200 with <see cref="Duplicate"/> for a file the study already has.</summary>
public sealed record UploadAcceptedResponse(string RecordingId, string StatusUrl, bool Duplicate, SourceKind Source);

/// <summary>A recording's status, metadata and orchestration state (<c>GET /api/recordings/{id}</c>).</summary>
public sealed record RecordingResponse(
    string Id,
    string StudyId,
    PipelineStage Stage,
    RecordingStatus Status,
    StageProgress? Progress,
    string? Error,
    SourceKind Source,
    string FileName,
    long SizeBytes,
    double? DurationSeconds,
    RecordingMetadata Metadata,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    OrchestrationView? Orchestration,
    string TranscriptUrl,
    DateTimeOffset? VerifiedAt = null,
    DateTimeOffset? RawAudioDeletedAt = null);

/// <summary>The Durable instance behind a recording; its custom status holds stage and progress only.</summary>
public sealed record OrchestrationView(string RuntimeStatus, string? CustomStatus, DateTimeOffset LastUpdatedAt);

/// <summary>One row of <c>GET /api/studies/{studyId}/recordings</c>.</summary>
public sealed record RecordingSummary(string Id, PipelineStage Stage, RecordingStatus Status, StageProgress? Progress, string? Error, SourceKind Source, DateTimeOffset CreatedAt, string StatusUrl);

/// <summary>The verified, coded transcript.</summary>
public sealed record VerifiedTranscriptResponse(FinalTranscript Transcript)
{
    public bool Verified => true;
}

/// <summary>The de-identified draft, before verification ends.</summary>
public sealed record DraftTranscriptResponse(DeidentifiedTranscript Transcript)
{
    public bool Verified => false;
}

/// <summary>The identifiable key of one recording: what each label in its transcript stands for. Lead only.</summary>
public sealed record RedactionKeyResponse(string RecordingId, int IdentifierListVersion, IReadOnlyList<RedactionKeyRow> Redactions);

/// <summary>One redaction and the words it hides.</summary>
public sealed record RedactionKeyRow(string RedactionId, int UtteranceIndex, string Label, IdentifierKind Kind, string OriginalText, string Recognizer);

/// <summary>
/// Response of <c>GET/PUT /api/recordings/{recordingId}/speakers</c>: the speakers of the de-identified
/// transcript, the names given to them, and what names may be given (roles, and the recording's
/// participant ids; P1..Pn by position are accepted too).
/// </summary>
public sealed record SpeakerNamesResponse(
    string RecordingId,
    IReadOnlyList<string> Speakers,
    IReadOnlyDictionary<string, string> Names,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Participants);
