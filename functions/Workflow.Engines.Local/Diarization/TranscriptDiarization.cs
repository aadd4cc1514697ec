using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Workflow.Domain.Transcripts;

namespace Workflow.Engines.Local.Diarization;

/// <summary>
/// Diarizes a recognised transcript against its decoded audio: the speech regions come from the word
/// timings. Only counts and timings are logged, never words.
/// </summary>
internal static class TranscriptDiarization
{
    public static IReadOnlyList<Utterance> Apply(
        string wavPath, IReadOnlyList<Utterance> utterances, int? expectedSpeakers, int maxSpeakers,
        ILogger logger, string recordingId, CancellationToken cancellationToken)
    {
        if (expectedSpeakers is 1 || utterances.Count == 0) return utterances;
        var clock = Stopwatch.StartNew();
        var regions = SpeechRegion.FromWords(utterances.SelectMany(u => u.Words));
        SpeakerTimeline timeline;
        try
        {
            timeline = new SpeakerDiarizer(new DiarizationSettings { MaxSpeakers = Math.Max(1, maxSpeakers) })
                .Diarize(wavPath, regions, expectedSpeakers, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            // Speaker labels are a convenience that verification corrects; losing the words over them is not worth it.
            logger.LogWarning("Diarization of recording {RecordingId} failed ({Error}); every utterance keeps one speaker", recordingId, ex.GetType().Name);
            return utterances;
        }

        var labelled = SpeakerTurns.Apply(utterances, timeline.SpeakerAt);
        logger.LogInformation(
            "Diarized recording {RecordingId}: {Speakers} speaker(s) ({Expected}) from {Regions} speech regions in {Windows} windows, {Utterances} utterances, {Seconds:0.00} s",
            recordingId, labelled.Select(u => u.Speaker).Distinct().Count(), expectedSpeakers is { } n ? $"{n} expected" : "count chosen",
            regions.Count, timeline.Windows.Count, labelled.Count, clock.Elapsed.TotalSeconds);
        return labelled;
    }
}
