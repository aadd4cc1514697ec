using System.Diagnostics;
using Microsoft.DurableTask;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// Last piece of a chunked transcription: joins the chunks' words (and labels speakers) into the
/// transcript, stores it in the identifiable store and deletes the run's scratch. A transcript this
/// run already stored is kept.
/// </summary>
[DurableTask(nameof(AssembleTranscriptActivity))]
public sealed class AssembleTranscriptActivity(TranscriptionWork work) : TaskActivity<RecordingPipelineInput, TranscriptionSummary>
{
    public override async Task<TranscriptionSummary> RunAsync(TaskActivityContext context, RecordingPipelineInput input)
    {
        var ct = CancellationToken.None;
        var engine = await work.ChunkedEngineAsync(input, ct);
        var recording = await work.RecordingAsync(input, ct);
        var audioSeconds = recording?.DurationSeconds ?? 0;
        var scratch = work.Scratch(input);
        if (await work.StoredByThisRunAsync(input, engine, ct) is { } existing)
        {
            await scratch.DeleteAsync(ct);
            return TranscriptionWork.Summarize(engine.Name, existing, audioSeconds, 0, reused: true);
        }

        var clock = Stopwatch.StartNew();
        var request = await work.RequestAsync(input, recording, ct);
        var transcript = await engine.AssembleAsync(input.RecordingId, request, scratch, ct) with { RunId = input.RunId, EngineVersion = engine.Version };
        await work.SaveAsync(input, transcript, ct);
        // The transcript is stored: the decoded audio and the chunks' words are no longer needed anywhere.
        await scratch.DeleteAsync(ct);
        return TranscriptionWork.Summarize(engine.Name, transcript, audioSeconds, clock.Elapsed.TotalSeconds, reused: false);
    }
}
