using Workflow.Cli.Api;
using Workflow.Cli.Progress;

namespace Workflow.Cli.Tests.Client;

public sealed class WatchProgressTests
{
    private static RecordingSummary Rec(string id, string stage, string status, StageProgressView? progress = null, string? error = null) =>
        new(id, stage, status, progress, error, "Transcript", DateTimeOffset.UnixEpoch, "/api/recordings/" + id);

    [Fact]
    public void Waiting_IsReached_ByWaitingOrCompletedRecordings_AndNotBeforeAllAreThere()
    {
        var moving = WatchProgress.Evaluate([Rec("a", "AwaitingVerification", "WaitingForVerification"), Rec("b", "Coding", "Running")], WatchTarget.Waiting);
        Assert.False(moving.Finished);
        Assert.Equal(1, moving.Reached);

        var there = WatchProgress.Evaluate([Rec("a", "AwaitingVerification", "WaitingForVerification"), Rec("b", "Completed", "Completed")], WatchTarget.Waiting);
        Assert.True(there.Succeeded);
    }

    [Fact]
    public void Completed_IsNotReached_WhileRecordingsWaitForCoders()
    {
        var verdict = WatchProgress.Evaluate([Rec("a", "AwaitingVerification", "WaitingForVerification"), Rec("b", "Completed", "Completed")], WatchTarget.Completed);
        Assert.False(verdict.Finished);
        Assert.Equal(1, verdict.Reached);
    }

    [Fact]
    public void AFailure_EndsTheWatchOnlyWhenTheOthersAreDone_AndIsNotASuccess()
    {
        var failed = Rec("a", "Ingesting", "Failed", error: "The audio is silent.");
        Assert.False(WatchProgress.Evaluate([failed, Rec("b", "Coding", "Running")], WatchTarget.Waiting).Finished);

        var verdict = WatchProgress.Evaluate([failed, Rec("b", "AwaitingVerification", "WaitingForVerification")], WatchTarget.Waiting);
        Assert.True(verdict.Finished);
        Assert.False(verdict.Succeeded);
        Assert.Equal("a", Assert.Single(verdict.Failed).Id);
    }

    [Fact]
    public void NoRecordings_IsNeverFinished() => Assert.False(WatchProgress.Evaluate([], WatchTarget.Waiting).Finished);

    [Fact]
    public void Line_ShowsChunkAndVerificationProgressAndTheFailureReason()
    {
        Assert.EndsWith("Running [########--------] 4/8 chunks", WatchProgress.Line(Rec("a", "Transcribing", "Running", new StageProgressView(4, 8))));
        Assert.EndsWith("WaitingForVerification [####------------] 3/12 decided", WatchProgress.Line(Rec("a", "AwaitingVerification", "WaitingForVerification", new StageProgressView(3, 12))));
        Assert.EndsWith("Failed: The audio is silent.", WatchProgress.Line(Rec("a", "Ingesting", "Failed", error: "The audio is silent.")));
    }

    [Fact]
    public void ParseTarget_KnowsTheTwoStates()
    {
        Assert.Equal(WatchTarget.Waiting, WatchProgress.ParseTarget("waiting"));
        Assert.Equal(WatchTarget.Completed, WatchProgress.ParseTarget("COMPLETED"));
        Assert.Null(WatchProgress.ParseTarget("done"));
    }
}
