using Workflow.Domain.Recordings;

namespace Workflow.Domain.Tests.Recordings;

public class RawAudioRetentionTests
{
    private static readonly DateTimeOffset Verified = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);

    private static Recording Audio(RecordingStatus status = RecordingStatus.Completed, DateTimeOffset? verified = null, DateTimeOffset? deleted = null, SourceKind source = SourceKind.Audio) => new(
        "rec-1", "s", new RecordingMetadata("site", RecordingFormat.IndividualInterview, [new ParticipantRef("P001", RespondentRole.ServiceUser)], null, null, new ConsentFlags(true, true, true, false)),
        source, "source.wav", "audio/wav", 10, "sha", PipelineStage.Completed, status, null, null, Verified, Verified,
        VerifiedAt: verified ?? Verified, RawAudioDeletedAt: deleted);

    [Fact]
    public void AudioIsDue_OnTheDayTheRetentionEnds_NotBefore()
    {
        Assert.False(RawAudioRetention.IsDue(Audio(), 30, Verified.AddDays(30).AddSeconds(-1)));
        Assert.True(RawAudioRetention.IsDue(Audio(), 30, Verified.AddDays(30)));
        Assert.True(RawAudioRetention.IsDue(Audio(), 0, Verified));
    }

    [Fact]
    public void NothingIsDue_WithoutARetentionPeriod_OrForTranscripts_UnfinishedWork_OrAudioAlreadyGone()
    {
        var late = Verified.AddYears(2);
        Assert.False(RawAudioRetention.IsDue(Audio(), null, late));
        Assert.False(RawAudioRetention.IsDue(Audio(source: SourceKind.Transcript), 30, late));
        Assert.False(RawAudioRetention.IsDue(Audio(RecordingStatus.WaitingForVerification), 30, late));
        Assert.False(RawAudioRetention.IsDue(Audio(RecordingStatus.Deleting), 30, late));
        Assert.False(RawAudioRetention.IsDue(Audio(deleted: Verified.AddDays(31)), 30, late));
        Assert.False(RawAudioRetention.IsDue(Audio() with { VerifiedAt = null }, 30, late));
    }
}
