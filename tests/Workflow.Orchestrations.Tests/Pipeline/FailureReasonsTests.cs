using Microsoft.DurableTask;
using Workflow.Domain.Ports;
using Workflow.Domain.Recordings;
using Workflow.Domain.Transcripts;
using Workflow.Orchestrations.Pipeline;

namespace Workflow.Orchestrations.Tests.Pipeline;

public class FailureReasonsTests
{
    // Stands in for an exception message that quotes transcript content.
    private const string Content = "Dave Pickering told me about the needle exchange";

    private static string ReasonFor(PipelineStage stage, Exception exception) =>
        FailureReasons.ForUser(stage, TaskFailureDetails.FromException(exception));

    public static TheoryData<Exception> UserFacingExceptions() => new()
    {
        new InvalidUploadException("The file is not audio."),
        new TranscriptFormatException("Line 3 has no speaker."),
        new EngineUnavailableException("ffmpeg is not installed."),
        new EngineBusyException("Azure AI Speech answered 503 (throttled or briefly unavailable); the stage can be re-run.", null),
        new PipelineInputException("The coding results are missing; run coding again."),
    };

    [Theory]
    [MemberData(nameof(UserFacingExceptions))]
    public void ForUser_UserFacingException_KeepsItsMessagePrefixedWithTheStage(Exception exception) =>
        Assert.Equal($"Ingesting failed: {exception.Message}", ReasonFor(PipelineStage.Ingesting, exception));

    [Fact]
    public void ForUser_UnexpectedException_GivesOnlyItsTypeName()
    {
        var reason = ReasonFor(PipelineStage.Transcribing, new InvalidOperationException(Content));

        Assert.Equal("Transcribing failed unexpectedly (InvalidOperationException). The upload is kept; see the host log for details.", reason);
        Assert.DoesNotContain("Pickering", reason);
    }

    [Fact]
    public void ForUser_UnexpectedExceptionWrappingAnother_QuotesNeitherMessage()
    {
        var reason = ReasonFor(PipelineStage.Coding,
            new InvalidOperationException("Coding failed for " + Content, new KeyNotFoundException(Content)));

        Assert.StartsWith("Coding failed unexpectedly (InvalidOperationException).", reason);
        Assert.DoesNotContain("Pickering", reason);
    }

    [Fact]
    public void ForUser_InvalidUploadWrappedAsInnerFailure_IsFound()
    {
        var reason = ReasonFor(PipelineStage.Ingesting,
            new InvalidOperationException(Content, new InvalidUploadException("The file is truncated.")));

        Assert.Equal("Ingesting failed: The file is truncated.", reason);
        Assert.DoesNotContain("Pickering", reason);
    }

    [Fact]
    public void ForUser_UserFacingExceptionWrappedTwice_IsFound()
    {
        var reason = ReasonFor(PipelineStage.Deidentifying,
            new AggregateException(Content, new InvalidOperationException(Content, new PipelineInputException("The transcript is missing."))));

        Assert.Equal("Deidentifying failed: The transcript is missing.", reason);
    }

    [Fact]
    public void ForUser_UserFacingExceptionWithAnUnexpectedInner_KeepsTheOuterMessage()
    {
        var reason = ReasonFor(PipelineStage.Transcribing,
            new EngineUnavailableException("The Whisper model is missing.", new IOException(Content)));

        Assert.Equal("Transcribing failed: The Whisper model is missing.", reason);
    }

    [Fact]
    public void ForUser_FailureDetailsFromTheWire_AreJudgedByTypeName()
    {
        var failure = new TaskFailureDetails(typeof(InvalidUploadException).FullName!, "The file is empty.", null, null, null);

        Assert.Equal("Ingesting failed: The file is empty.", FailureReasons.ForUser(PipelineStage.Ingesting, failure));
    }
}
