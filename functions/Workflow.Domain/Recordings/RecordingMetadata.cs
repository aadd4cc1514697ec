namespace Workflow.Domain.Recordings;

/// <summary>
/// What the interviewer states about a recording at upload. Participants are referenced by
/// pseudonymous ids; the interviewer is a team member's name or initials (staff, not participants).
/// </summary>
public sealed record RecordingMetadata(
    string SiteId,
    RecordingFormat Format,
    IReadOnlyList<ParticipantRef> Participants,
    string Interviewer,
    DateOnly? RecordedOn,
    ConsentFlags Consent,
    string? Language = "en-GB");
