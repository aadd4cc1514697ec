namespace Workflow.Domain.Recordings;

/// <summary>
/// A participant's withdrawal of consent, kept so that their later uploads are refused and the lead
/// can show what was done: which recordings were deleted, and which group recordings were kept by
/// the lead's decision. Ids only; the participant id is the study's code, never a name.
/// </summary>
public sealed record ParticipantWithdrawal(
    string StudyId,
    string ParticipantId,
    DateTimeOffset WithdrawnAt,
    string WithdrawnBy,
    IReadOnlyList<string> DeletedRecordings,
    IReadOnlyList<string> KeptGroupRecordings);
