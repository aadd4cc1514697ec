namespace Workflow.Domain.Recordings;

/// <summary>A participant by pseudonymous study id (for example "P017"), never by name.</summary>
public sealed record ParticipantRef(string ParticipantId, RespondentRole Role);
