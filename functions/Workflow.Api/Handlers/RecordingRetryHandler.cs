using Microsoft.AspNetCore.Http;
using Workflow.Api.Endpoints;
using Workflow.Domain.Recordings;
using Workflow.Domain.Reprocessing;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>
/// <c>POST /api/recordings/{recordingId}/retry</c> (lead): runs a failed recording again from the
/// stage it failed in, as a one-recording study batch, so it shares the batch lock, audit and status
/// route with every other re-run. Asking twice for the same failure starts one batch.
/// </summary>
public sealed class RecordingRetryHandler(RecordingRepository recordings, StudyRepository studies, BatchStarter starter)
{
    public async Task<IResult> RetryAsync(ApiCall call)
    {
        var (recordingId, ct) = (call.Route("recordingId"), call.Cancellation);
        var recording = await recordings.GetAsync(recordingId, ct);
        if (recording is null) return RecordingHandlers.UnknownRecording(recordingId);
        if (recording.Status != RecordingStatus.Failed)
            return Problems.Conflict($"Recording '{recordingId}' has not failed (it is {recording.Status} at {recording.Stage}); there is nothing to retry.");
        if (ReprocessPlanner.RetryStageOf(recording.Source, recording.Stage) is not { } stage)
            return Problems.Conflict($"Recording '{recordingId}' failed before its upload was accepted ({recording.Stage}); upload the file again.");
        if (stage == ReprocessStage.Transcription && recording.RawAudioDeletedAt is not null)
            return Problems.Conflict($"Recording '{recordingId}' failed at {recording.Stage}, but its audio was deleted under the study's retention rule; upload it again.");
        if (await studies.GetAsync(recording.StudyId, ct) is not { } study) return StudyHandlers.UnknownStudy(recording.StudyId);

        // The failure's time is part of the key: the same failure retried twice starts one batch, a later failure a new one.
        var requestId = $"retry-recording:{recordingId}:{recording.UpdatedAt.UtcTicks}";
        return await starter.StartAsync(call, study, stage, ReprocessScope.WholeStudy.OnlyRecordings([recordingId]), requestId);
    }
}
