namespace Workflow.Domain.Recordings;

/// <summary>
/// An uploaded recording or transcript and where its pipeline stands. <see cref="Error"/> is a
/// user-facing reason; it never quotes transcript text. <see cref="VerificationInstanceId"/> is the
/// orchestration instance waiting for this recording's verification decisions, when one is.
/// <see cref="UploadedBy"/> is the team member's user id (not a participant's), so an interviewer
/// can be shown only their own recordings; null for recordings stored before it was kept.
/// <see cref="VerifiedAt"/> is when the recording first completed (every item decided), from which the
/// raw audio's retention is counted; <see cref="RawAudioDeletedAt"/> when that audio was deleted.
/// <see cref="Timings"/> are its passes through the stages (null for recordings stored before they were kept).
/// <see cref="SpeakerNames"/> names its diarized speakers by role or participant id (see
/// <see cref="Recordings.SpeakerNames"/>); null until someone names them.
/// </summary>
public sealed record Recording(
    string Id,
    string StudyId,
    RecordingMetadata Metadata,
    SourceKind Source,
    string FileName,
    string ContentType,
    long SizeBytes,
    string ContentSha256,
    PipelineStage Stage,
    RecordingStatus Status,
    StageProgress? Progress,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    double? DurationSeconds = null,
    string? VerificationInstanceId = null,
    string? UploadedBy = null,
    DateTimeOffset? VerifiedAt = null,
    DateTimeOffset? RawAudioDeletedAt = null,
    IReadOnlyList<StageTiming>? Timings = null,
    IReadOnlyDictionary<string, string>? SpeakerNames = null);
