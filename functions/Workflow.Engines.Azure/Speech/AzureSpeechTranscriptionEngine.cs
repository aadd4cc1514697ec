using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflow.Domain.Ports;
using Workflow.Domain.Transcripts;

namespace Workflow.Engines.Azure.Speech;

/// <summary>
/// Azure AI Speech batch transcription with diarization and word timestamps, as a cloud transcription
/// engine. The pipeline drives it step by step from a durable monitor (<see cref="IBatchTranscriptionEngine"/>);
/// <see cref="TranscribeAsync"/> runs the same steps in one call for callers without a durable host.
/// The audio is passed as a short-lived read URL, so it is never copied to this machine.
/// </summary>
internal sealed partial class AzureSpeechTranscriptionEngine(AzureSpeechBatchClient client, IOptions<AzureSpeechOptions> options, ILogger<AzureSpeechTranscriptionEngine> logger)
    : ITranscriptionEngine, IBatchTranscriptionEngine
{
    private readonly AzureSpeechOptions _options = options.Value;

    public string Name => "azure-speech-batch";

    public BatchPolling Polling => new(_options.FirstCheck, _options.LongestCheckInterval, _options.MaxWait);

    public async Task<string> SubmitAsync(IAudioSource audio, BatchTranscriptionRequest request, CancellationToken cancellationToken)
    {
        // The job key is the display name: a retried submit finds the job instead of paying for a second one.
        var displayName = DisplayName(request.JobKey);
        if (await client.FindAsync(displayName, cancellationToken) is { } existing)
        {
            logger.LogInformation("Azure Speech job {JobId} for {RecordingId} already submitted; reusing it", existing.Id, audio.RecordingId);
            return existing.Id;
        }
        var url = await audio.GetReadUrlAsync(_options.AudioUrlLifetime, cancellationToken);
        var job = await client.SubmitAsync(url, displayName, Locale(request.Locale), request.MaxSpeakers ?? _options.DefaultMaxSpeakers, cancellationToken);
        logger.LogInformation("Azure Speech job {JobId} submitted for {RecordingId}", job.Id, audio.RecordingId);
        return job.Id;
    }

    public async Task<BatchJobStatus> GetStatusAsync(string jobId, CancellationToken cancellationToken)
    {
        var job = await client.GetAsync(jobId, cancellationToken);
        return job.Status switch
        {
            "Succeeded" => new BatchJobStatus(BatchJobState.Succeeded),
            "Failed" => new BatchJobStatus(BatchJobState.Failed,
                $"Azure AI Speech could not transcribe the recording ({job.ErrorCode ?? "no error code"}: {job.ErrorMessage ?? "no message"})."),
            _ => new BatchJobStatus(BatchJobState.Running, RetryAfter: job.RetryAfter),
        };
    }

    public async Task<Transcript> GetResultAsync(string jobId, string recordingId, CancellationToken cancellationToken)
    {
        var files = await client.ListFilesAsync(jobId, cancellationToken);
        var result = files.FirstOrDefault(f => f.Kind == "Transcription" && f.ContentUrl is not null)
            ?? throw new EngineUnavailableException($"Azure AI Speech finished job {jobId} but listed no transcription result file " +
                $"({files.Count} file(s), none of kind Transcription); re-run the transcription.");
        var json = await client.DownloadAsync(result.ContentUrl!, cancellationToken)
            ?? throw new EngineUnavailableException($"Azure AI Speech listed the result file of job {jobId} but it could not be downloaded (gone or expired); re-run the transcription.");
        return BatchTranscriptMapper.Map(json, recordingId, Name, _options.MergeTurnGap);
    }

    public Task DeleteAsync(string jobId, CancellationToken cancellationToken) => client.DeleteAsync(jobId, cancellationToken);

    /// <summary>
    /// All steps in one call, waiting with the same backoff as the monitor. The pipeline does not use
    /// this: there the waiting is durable timers, so no activity sleeps.
    /// </summary>
    public async Task<Transcript> TranscribeAsync(IAudioSource audio, TranscriptionRequest request, CancellationToken cancellationToken)
    {
        var jobId = await SubmitAsync(audio, new BatchTranscriptionRequest($"{audio.RecordingId}:direct", request.Language, request.ExpectedSpeakers), cancellationToken);
        try
        {
            var started = DateTimeOffset.UtcNow;
            var interval = _options.FirstCheck;
            while (true)
            {
                await Task.Delay(interval, cancellationToken);
                var status = await GetStatusAsync(jobId, cancellationToken);
                if (status.State == BatchJobState.Succeeded) return await GetResultAsync(jobId, audio.RecordingId, cancellationToken);
                if (status.State == BatchJobState.Failed) throw new EngineUnavailableException(status.Error!);
                if (DateTimeOffset.UtcNow - started > _options.MaxWait)
                    throw new EngineUnavailableException($"Azure AI Speech job {jobId} did not finish within {_options.MaxWait}.");
                interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, _options.LongestCheckInterval.Ticks));
            }
        }
        finally
        {
            await client.DeleteAsync(jobId, CancellationToken.None);
        }
    }

    /// <summary>The study's locale as the service expects it (ll-CC); anything else gets the default.</summary>
    internal string Locale(string? language) =>
        language is { } l && LocalePattern().IsMatch(l.Trim()) ? l.Trim() : _options.DefaultLocale;

    /// <summary>Job names are ids only (recording and run), never file names or people.</summary>
    internal static string DisplayName(string jobKey) => "qualitative-workflow " + jobKey;

    [GeneratedRegex("^[a-z]{2,3}-[A-Z]{2}$")]
    private static partial Regex LocalePattern();
}
