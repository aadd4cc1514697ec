using System.Diagnostics;
using Workflow.Domain.Transcripts;
using Workflow.Engines.Local.Diarization;
using Xunit.Abstractions;

namespace Workflow.Engines.Local.Tests.Diarization;

/// <summary>
/// Measures diarization on the synthesized multi-voice set: DER (0.25 s collar, optimal speaker
/// mapping) with the speaker count given and not given, and whether the count is found when not given.
/// The recogniser's words are the speech regions, as in the engine. The bounds are what was measured,
/// with a margin, so a change that makes diarization worse fails here.
/// </summary>
public sealed class DiarizationMeasurementTests(MultiVoiceCorpus corpus, ITestOutputHelper output) : IClassFixture<MultiVoiceCorpus>
{
    private sealed record Row(CorpusRecording Recording, int Found, DiarizationError Known, DiarizationError Unknown, double Seconds);

    [Fact]
    public void Diarization_SynthesizedVoices_FindsTheSpeakersAndTheirTurns()
    {
        var rows = corpus.Recordings.Select(Measure).ToList();

        output.WriteLine($"{"file",-30} {"set",-9} {"voices",6} {"found",6} {"DER known",10} {"DER unknown",12} {"seconds",8}");
        foreach (var r in rows)
            output.WriteLine($"{r.Recording.Name,-30} {(r.Recording.HeldOut ? "held-out" : "dev"),-9} {r.Recording.Voices,6} {r.Found,6} {r.Known.Rate,10:0.000} {r.Unknown.Rate,12:0.000} {r.Seconds,8:0.0}");
        var multi = rows.Where(r => r.Recording.Voices > 1).ToList();
        output.WriteLine($"speaker count right on {multi.Count(r => r.Found == r.Recording.Voices)} of {multi.Count} multi-voice files " +
                         $"({multi.Count(r => !r.Recording.HeldOut && r.Found == r.Recording.Voices)} of {multi.Count(r => !r.Recording.HeldOut)} dev); " +
                         $"one-voice files kept as one speaker: {rows.Count(r => r.Recording.Voices == 1 && r.Found == 1)} of {rows.Count(r => r.Recording.Voices == 1)}");

        // Measured (dev and held-out): DER with the count known 0.000-0.014 on the interviews, 0.000-0.145 on the focus groups.
        Assert.All(multi.Where(r => r.Recording.Voices == 2), r => Assert.True(r.Known.Rate < 0.05, $"{r.Recording.Name}: DER {r.Known.Rate:0.000}"));
        Assert.All(multi.Where(r => r.Recording.Voices > 2), r => Assert.True(r.Known.Rate < 0.2, $"{r.Recording.Name}: DER {r.Known.Rate:0.000}"));
        // Count not given: every two-voice interview comes out as two speakers with the same DER, no file gets
        // more speakers than it has voices, and one voice stays one speaker. Focus groups are undercounted (see
        // SpeakerCountCriterion), so the issue's target of 4 of 5 right counts is not met and not asserted.
        Assert.All(multi.Where(r => r.Recording.Voices == 2), r => Assert.True(r.Found == 2 && r.Unknown.Rate < 0.05, $"{r.Recording.Name}: {r.Found} speakers, DER {r.Unknown.Rate:0.000}"));
        Assert.All(rows, r => Assert.True(r.Found <= r.Recording.Voices, $"{r.Recording.Name}: {r.Found} speakers for {r.Recording.Voices} voices"));
        Assert.All(rows.Where(r => r.Recording.Voices == 1), r => Assert.True(r.Found == 1, $"{r.Recording.Name}: {r.Found} speakers invented"));
    }

    private Row Measure(CorpusRecording recording)
    {
        var clock = Stopwatch.StartNew();
        var diarizer = new SpeakerDiarizer(new DiarizationSettings());
        var regions = SpeechRegion.FromWords(recording.Recognised.SelectMany(u => u.Words));
        var known = SpeakerTurns.Apply(recording.Recognised, diarizer.Diarize(recording.WavPath, regions, recording.Voices, CancellationToken.None).SpeakerAt);
        var unknown = SpeakerTurns.Apply(recording.Recognised, diarizer.Diarize(recording.WavPath, regions, null, CancellationToken.None).SpeakerAt);
        var seconds = clock.Elapsed.TotalSeconds;
        output.WriteLine($"{recording.Name}: silhouette for k = 2..: {string.Join(' ', diarizer.LastCountScores.Select(x => x.ToString("0.000")))}");
        return new Row(recording, unknown.Select(u => u.Speaker).Distinct().Count(),
            DiarizationErrorRate.Compute(recording.Reference, Segments(known)), DiarizationErrorRate.Compute(recording.Reference, Segments(unknown)), seconds);
    }

    private static List<SpeakerSegment> Segments(IEnumerable<Utterance> utterances) =>
        utterances.Select(u => new SpeakerSegment(u.StartSeconds!.Value, u.EndSeconds!.Value, u.Speaker)).ToList();
}
