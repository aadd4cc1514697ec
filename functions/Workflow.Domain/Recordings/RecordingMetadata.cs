namespace Workflow.Domain.Recordings;

/// <summary>
/// What the interviewer states about a recording at upload. Participants are referenced by
/// pseudonymous ids. The free-text fields (<see cref="Interviewer"/>, a team member's name, and
/// <see cref="Notes"/>) can name people, so they are kept only with the raw upload in the identifiable
/// store: the recording's de-identified status row holds <see cref="WithoutFreeText"/>.
/// </summary>
public sealed record RecordingMetadata(
    string SiteId,
    RecordingFormat Format,
    IReadOnlyList<ParticipantRef> Participants,
    string? Interviewer,
    DateOnly? RecordedOn,
    ConsentFlags Consent,
    string? Language = "en-GB",
    string? Notes = null)
{
    /// <summary>The metadata without its free-text fields, as the de-identified store may hold it.</summary>
    public RecordingMetadata WithoutFreeText() => this with { Interviewer = null, Notes = null };
}
