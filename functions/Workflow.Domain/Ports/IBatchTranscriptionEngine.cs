using Workflow.Domain.Transcripts;

namespace Workflow.Domain.Ports;

/// <summary>
/// A transcription engine that runs as a job on a service (Azure AI Speech batch transcription): the
/// audio is submitted once, the job is checked until it ends, its result is fetched, and the job is
/// deleted. Each step is short, so a durable monitor can wait between them instead of an activity
/// sleeping. Job ids are opaque service ids: they may appear in orchestration history; audio URLs and
/// transcript text never do.
/// </summary>
public interface IBatchTranscriptionEngine
{
    /// <summary>Name recorded on the transcript, e.g. "azure-speech-batch".</summary>
    string Name { get; }

    /// <summary>Version recorded with what the engine makes (see <see cref="EngineVersion"/>).</summary>
    string Version => EngineVersion.Of(GetType());

    /// <summary>How often a monitor should check a job, and how long it may wait in all.</summary>
    BatchPolling Polling { get; }

    /// <summary>
    /// Submits the audio, or finds the job already submitted under <see cref="BatchTranscriptionRequest.JobKey"/>
    /// (a retried submit must not start a second job). Returns the job id.
    /// </summary>
    Task<string> SubmitAsync(IAudioSource audio, BatchTranscriptionRequest request, CancellationToken cancellationToken);

    /// <summary>Where the job stands. A failed job's <see cref="BatchJobStatus.Error"/> is the service's reason, without URLs.</summary>
    Task<BatchJobStatus> GetStatusAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>The finished job's transcript; <see cref="EngineUnavailableException"/> when the result file is missing or unreadable.</summary>
    Task<Transcript> GetResultAsync(string jobId, string recordingId, CancellationToken cancellationToken);

    /// <summary>Deletes the job and its results on the service; a job that no longer exists counts as deleted.</summary>
    Task DeleteAsync(string jobId, CancellationToken cancellationToken);
}

/// <summary>What a batch job is asked to do: a key unique to the recording and run, the locale and a speaker-count hint.</summary>
public sealed record BatchTranscriptionRequest(string JobKey, string? Locale, int? MaxSpeakers);

/// <summary>Where a batch job stands; <see cref="RetryAfter"/> is the service's hint for the next check.</summary>
public sealed record BatchJobStatus(BatchJobState State, string? Error = null, TimeSpan? RetryAfter = null);

/// <summary>The states of a batch job as the monitor sees them.</summary>
public enum BatchJobState
{
    Running,
    Succeeded,
    Failed,
}

/// <summary>Check after <see cref="FirstCheck"/>, doubling up to <see cref="LongestInterval"/>, giving up after <see cref="MaxWait"/>.</summary>
public sealed record BatchPolling(TimeSpan FirstCheck, TimeSpan LongestInterval, TimeSpan MaxWait);

/// <summary>
/// A service is throttling (429) or briefly failing (5xx): try again after <see cref="RetryAfter"/>
/// (the service's Retry-After when it gave one). Transient: retried, never shown as a final reason.
/// </summary>
public sealed class EngineBusyException(string message, TimeSpan? retryAfter) : Exception(message)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
