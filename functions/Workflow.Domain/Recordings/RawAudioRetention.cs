namespace Workflow.Domain.Recordings;

/// <summary>
/// When a recording's raw audio may go: it was verified (completed) at least the study's number of
/// days ago. Transcripts are kept (they are what the study analyses); only the sound of voices goes,
/// which is the most identifying thing the study holds. Null days keeps audio until deleted by hand.
/// </summary>
public static class RawAudioRetention
{
    public static bool IsDue(Recording recording, int? daysAfterVerification, DateTimeOffset now) =>
        daysAfterVerification is { } days and >= 0
        && recording is { Source: SourceKind.Audio, Status: RecordingStatus.Completed, VerifiedAt: { } verified, RawAudioDeletedAt: null }
        && now >= verified.AddDays(days);
}
