using Workflow.Api.Contracts;
using Workflow.Domain.Recordings;
using Workflow.Domain.Verification;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>
/// Where a queue item stands in its recording, for the coder: the turn's (de-identified) speaker and
/// times, and the address of the de-identified audio when the recording is audio. Read from the
/// de-identified transcript and coding record only.
/// </summary>
public sealed class ItemPlaceReader(RecordingRepository recordings, RecordingDocuments documents)
{
    public async Task<ItemPlace> ReadAsync(VerificationItem item, CancellationToken ct)
    {
        var recording = await recordings.GetAsync(item.RecordingId, ct);
        var audio = recording?.Source == SourceKind.Audio ? $"/{ApiRoutes.Prefix}/recordings/{item.RecordingId}/audio" : null;
        var index = item.Redaction?.UtteranceIndex ?? item.Passage?.UtteranceIndex;
        if (index is null && item.Suggestion is { } suggestion)
            index = (await documents.GetCodingAsync(item.StudyId, item.RecordingId, ct))?.Segments.FirstOrDefault(s => s.Id == suggestion.SegmentId)?.UtteranceIndex;
        if (index is not { } at) return new ItemPlace(null, null, null, null, audio);
        var draft = await documents.GetDeidentifiedAsync(item.StudyId, item.RecordingId, ct);
        var utterance = draft is not null && at >= 0 && at < draft.Utterances.Count ? draft.Utterances[at] : null;
        // The name the uploader gave the speaker, when they gave one: the coder hears who is speaking.
        var speaker = utterance is null ? null : recording?.SpeakerNames?.GetValueOrDefault(utterance.Speaker) ?? utterance.Speaker;
        return new ItemPlace(at, speaker, utterance?.StartSeconds, utterance?.EndSeconds, audio);
    }
}
