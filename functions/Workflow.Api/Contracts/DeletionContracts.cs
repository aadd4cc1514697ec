using Workflow.Domain.Recordings;

namespace Workflow.Api.Contracts;

/// <summary>A deletion was accepted: the recording shows "Deleting" at <see cref="StatusUrl"/> until it is gone (404).</summary>
public sealed record DeletionAcceptedResponse(string RecordingId, RecordingStatus Status, string StatusUrl);

/// <summary>Body of a withdrawal (optional): what to do with group recordings the participant is in.</summary>
public sealed record WithdrawalRequest(GroupRecordingChoice GroupRecordings = GroupRecordingChoice.Unspecified);

/// <summary>A participant's withdrawal and how far the deletion of their recordings has come.</summary>
public sealed record WithdrawalResponse(
    string StudyId,
    string ParticipantId,
    DateTimeOffset WithdrawnAt,
    string WithdrawnBy,
    IReadOnlyList<WithdrawnRecording> Recordings,
    IReadOnlyList<string> KeptGroupRecordings,
    bool Complete,
    string StatusUrl);

/// <summary>One recording of a withdrawn participant: "Deleting" until its data and history are gone, then "Deleted".</summary>
public sealed record WithdrawnRecording(string RecordingId, string State);
