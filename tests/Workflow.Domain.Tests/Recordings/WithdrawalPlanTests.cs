using Workflow.Domain.Recordings;

namespace Workflow.Domain.Tests.Recordings;

public class WithdrawalPlanTests
{
    private static Recording With(string id, params string[] participants) => new(
        id, "s", new RecordingMetadata("site-1", participants.Length > 1 ? RecordingFormat.FocusGroup : RecordingFormat.IndividualInterview,
            participants.Select(p => new ParticipantRef(p, RespondentRole.ServiceUser)).ToList(), null, null, new ConsentFlags(true, true, true, false)),
        SourceKind.Transcript, "source.txt", "text/plain", 10, "sha", PipelineStage.Completed, RecordingStatus.Completed, null, null,
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private static readonly Recording[] Study =
    [
        With("rec-b", "P001"),
        With("rec-a", "p001"),
        With("rec-c", "P002"),
        With("rec-g", "P002", "P001", "P003"),
    ];

    [Fact]
    public void WithoutAChoice_AGroupRecordingBlocksTheWithdrawal_AndNothingIsDeleted()
    {
        var plan = WithdrawalPlan.For("P001", Study, GroupRecordingChoice.Unspecified);

        Assert.True(plan.IsBlocked);
        Assert.Equal(["rec-g"], plan.NeedChoice);
        Assert.Empty(plan.Delete);
        Assert.Empty(plan.Keep);
    }

    [Fact]
    public void Delete_TakesTheParticipantsOwnRecordingsWhateverTheCase_AndTheGroupRecording()
    {
        var plan = WithdrawalPlan.For("P001", Study, GroupRecordingChoice.Delete);

        Assert.False(plan.IsBlocked);
        Assert.Equal(["rec-a", "rec-b", "rec-g"], plan.Delete);
        Assert.Empty(plan.Keep);
    }

    [Fact]
    public void Keep_DeletesOnlyTheirOwnRecordings_AndListsTheGroupRecordingAsKept()
    {
        var plan = WithdrawalPlan.For("p001", Study, GroupRecordingChoice.Keep);

        Assert.Equal(["rec-a", "rec-b"], plan.Delete);
        Assert.Equal(["rec-g"], plan.Keep);
    }

    [Fact]
    public void AParticipantWithoutRecordings_HasNothingToDelete_AndIsNotBlocked()
    {
        var plan = WithdrawalPlan.For("P009", Study, GroupRecordingChoice.Unspecified);

        Assert.False(plan.IsBlocked);
        Assert.Empty(plan.Delete);
        Assert.Empty(plan.Keep);
    }
}
