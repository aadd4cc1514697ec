using Workflow.Domain.Recordings;

namespace Workflow.Domain.Exports;

/// <summary>
/// Who a segment speaks for. Transcripts rarely tie a turn to a participant, so a segment is credited to
/// all of its recording's participants, unless its speaker label is one of their ids (then to that one).
/// </summary>
public static class SegmentParticipants
{
    public static IReadOnlyList<ParticipantRef> Of(RecordingMetadata metadata, string speaker)
    {
        var match = metadata.Participants.FirstOrDefault(p => string.Equals(p.ParticipantId, speaker.Trim(), StringComparison.OrdinalIgnoreCase));
        return match is not null ? [match] : metadata.Participants;
    }
}
