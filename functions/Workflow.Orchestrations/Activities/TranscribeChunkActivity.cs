using Microsoft.DurableTask;
using Workflow.Domain.Recordings;
using Workflow.Orchestrations.Contracts;
using Workflow.Storage;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// Recognises one chunk of a prepared recording into the run's scratch. A chunk already recognised
/// (the activity ran before a crash) is not decoded again. It moves the recording row's progress on
/// itself: an update scheduled by the orchestrator would wait in the activity queue behind every
/// chunk still to run. Returns the chunk's number.
/// </summary>
[DurableTask(nameof(TranscribeChunkActivity))]
public sealed class TranscribeChunkActivity(TranscriptionWork work, RecordingRepository recordings) : TaskActivity<TranscriptionChunkInput, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, TranscriptionChunkInput input)
    {
        var ct = CancellationToken.None;
        var engine = await work.ChunkedEngineAsync(input.Recording, ct);
        var request = await work.RequestAsync(input.Recording, await work.RecordingAsync(input.Recording, ct), ct);
        var progress = await engine.TranscribeChunkAsync(input.Chunk, request, work.Scratch(input.Recording), ct);
        // Never backwards (chunks finishing together count in either order), and never onto a later stage.
        await recordings.UpdateAsync(input.Recording.RecordingId, r =>
            r is { Stage: PipelineStage.Transcribing, Status: RecordingStatus.Running } && progress.Done > (r.Progress?.Done ?? 0)
                ? r with { Progress = progress }
                : r, ct);
        return input.Chunk;
    }
}
