using Microsoft.DurableTask;
using Workflow.Domain.Ports;
using Workflow.Domain.Transcripts;

namespace Workflow.Orchestrations.Pipeline;

/// <summary>
/// Retry policy for activities: transient faults (storage throttling, a killed engine process) get
/// a few attempts; faults the user must fix (bad upload, missing engine, missing codebook) fail at once.
/// </summary>
internal static class Retries
{
    public static readonly TaskOptions Transient = TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(2), 2, TimeSpan.FromSeconds(30))
    {
        HandleFailure = failure =>
            !failure.IsCausedBy<InvalidUploadException>() &&
            !failure.IsCausedBy<TranscriptFormatException>() &&
            !failure.IsCausedBy<EngineUnavailableException>() &&
            !failure.IsCausedBy<PipelineInputException>(),
    });
}
