namespace Workflow.Domain.Recordings;

/// <summary>
/// How many voices to expect in a recording, from what was stated at upload: each listed participant
/// plus the interviewer or facilitator (who is not listed as a participant). A hint for diarization.
/// </summary>
public static class SpeakerCount
{
    /// <summary>The expected number of speakers, or null when the upload listed no participants.</summary>
    public static int? Expected(RecordingMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var participants = metadata.Participants.Select(p => p.ParticipantId).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        return participants == 0 ? null : participants + 1;
    }
}
