namespace Workflow.Domain.Recordings;

/// <summary>What happens to a withdrawing participant's recordings that other participants are also in (focus groups).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<GroupRecordingChoice>))]
public enum GroupRecordingChoice
{
    /// <summary>Not said: withdrawal is refused while the participant is in a group recording, so nobody's data goes by default.</summary>
    Unspecified,
    /// <summary>Delete the whole group recording, with the other participants' words in it.</summary>
    Delete,
    /// <summary>Keep the group recording (the study's consent terms allow keeping group data); it is listed in the withdrawal.</summary>
    Keep,
}

/// <summary>
/// Which recordings a participant's withdrawal deletes. A recording with the participant alone is
/// always deleted. A recording they share with others is deleted or kept only as the lead chose:
/// without a choice those recordings are returned as needing one, and nothing is deleted.
/// Participant ids compare without case ("p017" is "P017").
/// </summary>
public sealed record WithdrawalPlan(IReadOnlyList<string> Delete, IReadOnlyList<string> Keep, IReadOnlyList<string> NeedChoice)
{
    public bool IsBlocked => NeedChoice.Count > 0;

    public static WithdrawalPlan For(string participantId, IEnumerable<Recording> recordings, GroupRecordingChoice choice)
    {
        List<string> delete = [], keep = [], needChoice = [];
        foreach (var recording in recordings.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            var participants = recording.Metadata.Participants;
            if (!participants.Any(p => Same(p.ParticipantId, participantId))) continue;
            var others = participants.Count(p => !Same(p.ParticipantId, participantId));
            if (others == 0) delete.Add(recording.Id);
            else if (choice == GroupRecordingChoice.Delete) delete.Add(recording.Id);
            else if (choice == GroupRecordingChoice.Keep) keep.Add(recording.Id);
            else needChoice.Add(recording.Id);
        }
        return needChoice.Count > 0 ? new WithdrawalPlan([], [], needChoice) : new WithdrawalPlan(delete, keep, []);
    }

    public static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
