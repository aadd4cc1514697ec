using Workflow.Domain.Recordings;
using Workflow.Domain.Reprocessing;

namespace Workflow.Domain.Tests.Reprocessing;

/// <summary>Recordings being deleted, or whose audio retention has removed, are skipped with the reason.</summary>
public class ReprocessPlannerRetentionTests
{
    private static ReprocessCandidate Audio(string id, RecordingStatus status = RecordingStatus.Completed, bool audioDeleted = false) =>
        new(id, "north", SourceKind.Audio, status, PipelineStage.Completed, 2, audioDeleted);

    [Fact]
    public void ARecordingWithoutItsAudio_IsSkippedForTranscription_ButReRunsFromDeidentification()
    {
        ReprocessCandidate[] candidates = [Audio("kept"), Audio("gone", audioDeleted: true)];

        var transcription = ReprocessPlanner.Plan(candidates, ReprocessStage.Transcription, ReprocessScope.WholeStudy, 2);
        var deidentification = ReprocessPlanner.Plan(candidates, ReprocessStage.Deidentification, ReprocessScope.WholeStudy, 2);

        Assert.Equal(["kept"], transcription.Eligible);
        Assert.Contains("audio was deleted", Assert.Single(transcription.Skipped).Reason);
        Assert.Equal(["kept", "gone"], deidentification.Eligible);
    }

    [Fact]
    public void ARecordingBeingDeleted_IsSkippedFromEveryStage()
    {
        foreach (var stage in Enum.GetValues<ReprocessStage>())
        {
            var selection = ReprocessPlanner.Plan([Audio("doomed", RecordingStatus.Deleting)], stage, ReprocessScope.WholeStudy, 2);
            Assert.Empty(selection.Eligible);
            Assert.Equal("it is being deleted", Assert.Single(selection.Skipped).Reason);
        }
    }
}
