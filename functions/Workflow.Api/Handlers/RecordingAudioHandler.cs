using Microsoft.AspNetCore.Http;
using Workflow.Api.Endpoints;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>
/// Serves a recording's de-identified audio (identifiers toned out) to its study team, in ranges so a
/// player can seek. Never the raw upload: that stays in the identifiable store. Never cached: a copy
/// is replaced whenever the recording is de-identified again.
/// </summary>
public sealed class RecordingAudioHandler(RecordingRepository recordings, DeidentifiedAudioRepository copies)
{
    public async Task<IResult> GetAsync(ApiCall call)
    {
        var (recordingId, ct) = (call.Route("recordingId"), call.Cancellation);
        var recording = await recordings.GetAsync(recordingId, ct);
        if (recording is null || !RecordingHandlers.Visible(call, recording) || recording.Status == Domain.Recordings.RecordingStatus.Deleting)
            return RecordingHandlers.UnknownRecording(recordingId);
        var copy = await copies.OpenReadAsync(recording.StudyId, recordingId, ct);
        if (copy is null)
            return Problems.NotFound(recording.Source == Domain.Recordings.SourceKind.Audio
                ? $"Recording '{recordingId}' has no de-identified audio (stage: {recording.Stage}). It is made after de-identification, unless a redaction could not be placed in time or the audio is no longer kept."
                : $"Recording '{recordingId}' was uploaded as a transcript; it has no audio.");
        call.Request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Stream(copy.Value.Content, copy.Value.ContentType, enableRangeProcessing: true);
    }
}
