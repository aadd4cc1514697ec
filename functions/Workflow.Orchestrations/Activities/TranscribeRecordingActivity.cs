using System.Diagnostics;
using Microsoft.DurableTask;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// Transcribes the upload with the study's transcription engine into the identifiable store, in one
/// activity (engines that cannot be run in chunks). If a transcript by the same engine already exists
/// (the activity ran before a crash), it is reused rather than paid for twice.
/// </summary>
[DurableTask(nameof(TranscribeRecordingActivity))]
public sealed class TranscribeRecordingActivity(TranscriptionWork work) : TaskActivity<RecordingPipelineInput, TranscriptionSummary>
{
    public override async Task<TranscriptionSummary> RunAsync(TaskActivityContext context, RecordingPipelineInput input)
    {
        var ct = CancellationToken.None;
        var engine = await work.EngineAsync(input, ct);
        var recording = await work.RecordingAsync(input, ct);
        var audioSeconds = recording?.DurationSeconds ?? 0;
        // Done already by this run (a retried activity): keep it. A batch re-transcribing has its own run id.
        if (await work.StoredByThisRunAsync(input, engine, ct) is { } existing)
            return TranscriptionWork.Summarize(engine.Name, existing, audioSeconds, 0, reused: true);

        var clock = Stopwatch.StartNew();
        var request = await work.RequestAsync(input, recording, ct);
        var transcript = await engine.TranscribeAsync(work.Audio(input), request, ct) with { RunId = input.RunId, EngineVersion = engine.Version };
        var seconds = clock.Elapsed.TotalSeconds;
        await work.SaveAsync(input, transcript, ct);
        // The engine logs its own counts and timing; the summary goes to the orchestration.
        return TranscriptionWork.Summarize(engine.Name, transcript, audioSeconds, seconds, reused: false);
    }
}
