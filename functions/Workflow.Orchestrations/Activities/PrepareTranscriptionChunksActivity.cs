using Microsoft.DurableTask;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// First piece of a chunked transcription: decodes the upload into the run's scratch and plans the
/// chunks; returns only their number. Scratch other runs of the recording left behind is deleted.
/// </summary>
[DurableTask(nameof(PrepareTranscriptionChunksActivity))]
public sealed class PrepareTranscriptionChunksActivity(TranscriptionWork work) : TaskActivity<RecordingPipelineInput, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, RecordingPipelineInput input)
    {
        var ct = CancellationToken.None;
        var engine = await work.ChunkedEngineAsync(input, ct);
        await work.DeleteOtherScratchAsync(input, ct);
        var request = await work.RequestAsync(input, await work.RecordingAsync(input, ct), ct);
        return await engine.PrepareAsync(work.Audio(input), request, work.Scratch(input), ct);
    }
}
