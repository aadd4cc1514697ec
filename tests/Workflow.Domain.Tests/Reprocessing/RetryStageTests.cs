using Workflow.Domain.Recordings;
using Workflow.Domain.Reprocessing;

namespace Workflow.Domain.Tests.Reprocessing;

/// <summary>A failed recording is retried from the stage it failed in, the latest whose input exists.</summary>
public class RetryStageTests
{
    [Theory]
    [InlineData(SourceKind.Audio, PipelineStage.Transcribing, ReprocessStage.Transcription)]
    [InlineData(SourceKind.Audio, PipelineStage.Deidentifying, ReprocessStage.Deidentification)]
    [InlineData(SourceKind.Audio, PipelineStage.Coding, ReprocessStage.Coding)]
    [InlineData(SourceKind.Transcript, PipelineStage.Transcribing, ReprocessStage.Deidentification)]
    [InlineData(SourceKind.Transcript, PipelineStage.Deidentifying, ReprocessStage.Deidentification)]
    [InlineData(SourceKind.Transcript, PipelineStage.Coding, ReprocessStage.Coding)]
    public void RetryStageOf_IsTheStageItFailedIn(SourceKind source, PipelineStage failedAt, ReprocessStage expected) =>
        Assert.Equal(expected, ReprocessPlanner.RetryStageOf(source, failedAt));

    [Theory]
    [InlineData(PipelineStage.Received)]
    [InlineData(PipelineStage.Ingesting)]
    public void RetryStageOf_BeforeTheUploadWasAccepted_IsNone(PipelineStage failedAt) =>
        Assert.Null(ReprocessPlanner.RetryStageOf(SourceKind.Audio, failedAt));

    [Fact]
    public void APlannedBatch_AcceptsAFailedRecordingAtItsRetryStage_AndRefusesALaterOne()
    {
        ReprocessCandidate failed = new("rec-1", "north", SourceKind.Audio, RecordingStatus.Failed, PipelineStage.Deidentifying, null);

        var atRetryStage = ReprocessPlanner.Plan([failed], ReprocessPlanner.RetryStageOf(failed.Source, failed.Stage)!.Value, ReprocessScope.WholeStudy, 1);
        var later = ReprocessPlanner.Plan([failed], ReprocessStage.Coding, ReprocessScope.WholeStudy, 1);

        Assert.Equal(["rec-1"], atRetryStage.Eligible);
        Assert.Contains("re-run it from deidentification", Assert.Single(later.Skipped).Reason);
    }
}
