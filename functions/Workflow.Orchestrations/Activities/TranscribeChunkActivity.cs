using Microsoft.DurableTask;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// Recognises one chunk of a prepared recording into the run's scratch. A chunk already recognised
/// (the activity ran before a crash) is not decoded again. Returns the chunk's number.
/// </summary>
[DurableTask(nameof(TranscribeChunkActivity))]
public sealed class TranscribeChunkActivity(TranscriptionWork work) : TaskActivity<TranscriptionChunkInput, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, TranscriptionChunkInput input)
    {
        var ct = CancellationToken.None;
        var engine = await work.ChunkedEngineAsync(input.Recording, ct);
        var request = await work.RequestAsync(input.Recording, await work.RecordingAsync(input.Recording, ct), ct);
        await engine.TranscribeChunkAsync(input.Chunk, request, work.Scratch(input.Recording), ct);
        return input.Chunk;
    }
}
