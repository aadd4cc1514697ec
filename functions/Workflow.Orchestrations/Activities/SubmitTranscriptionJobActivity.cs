using Microsoft.DurableTask;
using Workflow.Domain.Ports;
using Workflow.Domain.Recordings;
using Workflow.Orchestrations.Contracts;
using Workflow.Storage;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// Submits the recording to the study's batch engine with the locale and speaker count stated at
/// upload. Idempotent: the job is keyed by recording and run, so a retry finds the job it submitted.
/// The audio's read URL is made here and goes only to the service, never into history.
/// </summary>
[DurableTask(nameof(SubmitTranscriptionJobActivity))]
public sealed class SubmitTranscriptionJobActivity(BatchTranscriptionEngines engines, RecordingRepository recordings, AudioSources audio)
    : TaskActivity<RecordingPipelineInput, SubmitOutcome>
{
    public override async Task<SubmitOutcome> RunAsync(TaskActivityContext context, RecordingPipelineInput input)
    {
        var ct = CancellationToken.None;
        var engine = await engines.ForAsync(input.StudyId, ct);
        var metadata = (await recordings.GetAsync(input.RecordingId, ct))?.Metadata;
        var request = new BatchTranscriptionRequest(JobKey(input), metadata?.Language, metadata is null ? null : SpeakerCount.Expected(metadata));
        try
        {
            return new SubmitOutcome(await engine.SubmitAsync(audio.For(input), request, ct));
        }
        catch (EngineBusyException busy)
        {
            return new SubmitOutcome(null, busy.RetryAfter);
        }
    }

    /// <summary>One job per recording and run: the first pass, or the batch re-transcribing it.</summary>
    internal static string JobKey(RecordingPipelineInput input) => $"{input.RecordingId} {input.RunId ?? "first-pass"}";
}
