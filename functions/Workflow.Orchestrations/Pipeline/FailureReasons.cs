using Microsoft.DurableTask;
using Workflow.Domain.Ports;
using Workflow.Domain.Recordings;
using Workflow.Domain.Transcripts;

namespace Workflow.Orchestrations.Pipeline;

/// <summary>
/// Turns an activity failure into the reason shown on the recording. Messages of the project's own
/// exceptions are written for users and never quote content; anything else is reported by type only,
/// because an unexpected exception message might contain transcript text.
/// </summary>
public static class FailureReasons
{
    private static readonly Type[] UserFacing =
        [typeof(InvalidUploadException), typeof(TranscriptFormatException), typeof(EngineUnavailableException), typeof(EngineBusyException), typeof(PipelineInputException)];

    public static string ForUser(PipelineStage stage, TaskFailureDetails failure)
    {
        var details = Innermost(failure);
        return UserFacing.Any(details.IsCausedBy)
            ? $"{stage} failed: {details.ErrorMessage}"
            : $"{stage} failed unexpectedly ({ShortType(details.ErrorType)}). The upload is kept; see the host log for details.";
    }

    private static TaskFailureDetails Innermost(TaskFailureDetails failure)
    {
        // Activity failures surface wrapped; the inner failure carries the original exception type.
        var current = failure;
        while (current.InnerFailure is not null && !UserFacing.Any(current.IsCausedBy)) current = current.InnerFailure;
        return UserFacing.Any(current.IsCausedBy) ? current : failure;
    }

    private static string ShortType(string errorType) => errorType[(errorType.LastIndexOf('.') + 1)..];
}
