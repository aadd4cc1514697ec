using Workflow.Domain.Recordings;

namespace Workflow.Domain.Tests.Recordings;

public class SpeakerCountTests
{
    private static RecordingMetadata With(RecordingFormat format, params string[] participants) =>
        new("site", format, participants.Select(p => new ParticipantRef(p, RespondentRole.ServiceUser)).ToList(), null, null, new ConsentFlags(true, true, false, false));

    [Fact]
    public void AnInterview_ExpectsTheParticipantAndTheInterviewer() => Assert.Equal(2, SpeakerCount.Expected(With(RecordingFormat.IndividualInterview, "P017")));

    [Fact]
    public void AFocusGroup_ExpectsEachDistinctParticipantAndTheFacilitator() =>
        Assert.Equal(7, SpeakerCount.Expected(With(RecordingFormat.FocusGroup, "P01", "P02", "P03", "P04", "P05", "P06", "p06")));

    [Fact]
    public void NoParticipantsListed_MeansNotKnown() => Assert.Null(SpeakerCount.Expected(With(RecordingFormat.FocusGroup)));
}
