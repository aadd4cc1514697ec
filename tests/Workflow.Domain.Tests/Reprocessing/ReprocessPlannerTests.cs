using Workflow.Domain.Recordings;
using Workflow.Domain.Reprocessing;

namespace Workflow.Domain.Tests.Reprocessing;

public class ReprocessPlannerTests
{
    private static ReprocessCandidate Audio(string id, RecordingStatus status = RecordingStatus.Completed, PipelineStage stage = PipelineStage.Completed, string site = "north", int? coded = 2) =>
        new(id, site, SourceKind.Audio, status, stage, coded);

    private static ReprocessCandidate Text(string id, string site = "north", int? coded = 2) =>
        new(id, site, SourceKind.Transcript, RecordingStatus.Completed, PipelineStage.Completed, coded);

    [Fact]
    public void Plan_WholeStudy_TakesFinishedAndWaitingRecordings_AndSkipsRunningOnesWithTheReason()
    {
        var selection = ReprocessPlanner.Plan([
            Audio("a"), Audio("b", RecordingStatus.WaitingForVerification, PipelineStage.AwaitingVerification),
            Audio("c", RecordingStatus.Running, PipelineStage.Transcribing)],
            ReprocessStage.Coding, ReprocessScope.WholeStudy, currentCodebookVersion: 2);

        Assert.Equal(["a", "b"], selection.Eligible);
        var skipped = Assert.Single(selection.Skipped);
        Assert.Equal("c", skipped.RecordingId);
        // Still transcribing, it will be coded with the current codebook anyway: not looked at again.
        Assert.Contains("first pass (Transcribing)", skipped.Reason);
        Assert.False(skipped.Busy);
        // Running at or past the batch's stage (finalising after a previous batch) is "busy": looked at again before the batch ends.
        var finalising = Assert.Single(ReprocessPlanner.Plan([Audio("f", RecordingStatus.Running, PipelineStage.Finalizing)], ReprocessStage.Deidentification, ReprocessScope.WholeStudy, 2).Skipped);
        Assert.True(finalising.Busy);
        Assert.Contains("still being processed (Finalizing)", finalising.Reason);
        Assert.False(Assert.Single(ReprocessPlanner.Plan([Text("t")], ReprocessStage.Transcription, ReprocessScope.WholeStudy, 2).Skipped).Busy);
    }

    [Fact]
    public void Plan_Transcription_SkipsImportedTranscripts_PointingToDeidentification()
    {
        var selection = ReprocessPlanner.Plan([Audio("a"), Text("t")], ReprocessStage.Transcription, ReprocessScope.WholeStudy, 2);

        Assert.Equal(["a"], selection.Eligible);
        Assert.Contains("re-run from de-identification", Assert.Single(selection.Skipped).Reason);
    }

    [Fact]
    public void Plan_SitesAndRecordingsFilters_Combine_AndLeaveOutOfScopeRecordingsUnmentioned()
    {
        var selection = ReprocessPlanner.Plan([Audio("a", site: "north"), Audio("b", site: "south"), Audio("c", site: "north")],
            ReprocessStage.Deidentification, new ReprocessScope(Sites: ["north"], Recordings: ["a", "b"]), 2);

        Assert.Equal(["a"], selection.Eligible);
        Assert.Empty(selection.Skipped);
    }

    [Theory]
    [InlineData(PipelineStage.Transcribing, ReprocessStage.Transcription, true)]
    [InlineData(PipelineStage.Transcribing, ReprocessStage.Deidentification, false)]
    [InlineData(PipelineStage.Deidentifying, ReprocessStage.Deidentification, true)]
    [InlineData(PipelineStage.Deidentifying, ReprocessStage.Coding, false)]
    [InlineData(PipelineStage.Coding, ReprocessStage.Coding, true)]
    [InlineData(PipelineStage.Finalizing, ReprocessStage.Coding, true)]
    public void Plan_FailedRecording_ReRunsOnlyFromAStageWhoseInputExists(PipelineStage failedAt, ReprocessStage stage, bool eligible)
    {
        var selection = ReprocessPlanner.Plan([Audio("f", RecordingStatus.Failed, failedAt)], stage, ReprocessScope.WholeStudy, 2);

        Assert.Equal(eligible, selection.Eligible.Contains("f"));
        if (!eligible) Assert.Contains($"failed at {failedAt}", Assert.Single(selection.Skipped).Reason);
    }

    [Fact]
    public void Plan_FailedAtIngest_AsksForANewUpload()
    {
        var selection = ReprocessPlanner.Plan([Audio("f", RecordingStatus.Failed, PipelineStage.Ingesting)], ReprocessStage.Transcription, ReprocessScope.WholeStudy, 2);

        Assert.Contains("upload it again", Assert.Single(selection.Skipped).Reason);
    }

    [Fact]
    public void Plan_ChangedSinceVersion_TakesRecordingsCodedFromThatVersionUpToButNotTheCurrentOne()
    {
        var selection = ReprocessPlanner.Plan([Audio("v1", coded: 1), Audio("v2", coded: 2), Audio("v3", coded: 3), Audio("v4", coded: 4), Audio("none", coded: null)],
            ReprocessStage.Coding, new ReprocessScope(ChangedSinceCodebookVersion: 2), currentCodebookVersion: 4);

        Assert.Equal(["v2", "v3"], selection.Eligible);
        var reasons = selection.Skipped.ToDictionary(s => s.RecordingId, s => s.Reason);
        Assert.Contains("before version 2", reasons["v1"]);
        Assert.Contains("already coded with the current codebook", reasons["v4"]);
        Assert.Contains("not been coded", reasons["none"]);
    }
}
